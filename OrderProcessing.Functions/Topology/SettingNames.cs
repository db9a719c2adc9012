namespace OrderProcessing.Functions.Topology;

/// <summary>
/// Names of the environment variables functions read besides the storage names of <see cref="Storage.StorageSchema"/>.
/// Every one a function reads appears in its <see cref="FunctionDefinition.Settings"/> or
/// <see cref="FunctionDefinition.OptionalSettings"/>.
/// </summary>
public static class SettingNames
{
    /// <summary>Deployment stage (<c>dev</c>, <c>prod</c>), a dimension of every metric and a field of every log line.</summary>
    public const string Environment = SystemTopology.EnvironmentSetting;

    /// <summary>Optional: origins allowed by CORS, comma separated, or <c>*</c>. No CORS headers when unset.</summary>
    public const string CorsAllowedOrigins = "CORS_ALLOWED_ORIGINS";

    /// <summary>Optional: lifetime of presigned invoice links in seconds (default 300).</summary>
    public const string InvoiceLinkLifetimeSeconds = "INVOICE_LINK_LIFETIME_SECONDS";

    /// <summary>Optional: endpoint of a DynamoDB-compatible server (local runs and tests); the AWS endpoint when unset.</summary>
    public const string DynamoDbEndpoint = "AWS_ENDPOINT_URL_DYNAMODB";

    /// <summary>Optional: endpoint of an S3-compatible server (local runs and tests); the AWS endpoint when unset.</summary>
    public const string S3Endpoint = "AWS_ENDPOINT_URL_S3";
}
