namespace OrderProcessing.Topology;

/// <summary>
/// Names of the environment variables functions read besides the storage names of <see cref="Storage.StorageSchema"/>.
/// Every one a function reads appears in its <see cref="FunctionDefinition.Settings"/> or
/// <see cref="FunctionDefinition.OptionalSettings"/>.
/// </summary>
public static class SettingNames
{
    /// <summary>Deployment stage (<c>dev</c>, <c>prod</c>), a dimension of every metric and a field of every log line.</summary>
    public const string Environment = SystemTopology.EnvironmentSetting;

    /// <summary>API: the browser origin allowed to call the API, or <c>*</c> (several may be given comma separated); the deployment sets it from <c>order-processing:corsAllowOrigin</c>.</summary>
    public const string CorsAllowOrigin = "CORS_ALLOW_ORIGIN";

    /// <summary>
    /// API: how callers are identified; the deployment sets it from <c>order-processing:apiAuth</c>. Values:
    /// <c>cognito</c> (customers and operators by the verified token claims of <see cref="Events.ApiGateway.CallerClaims"/>),
    /// <c>iam</c> or <c>apiKey</c> (every caller API Gateway let through is an operator, a machine caller), and <c>none</c>
    /// (the local host's <c>--auth none</c>: no checking, every caller an operator).
    /// </summary>
    public const string ApiAuth = "API_AUTH";

    /// <summary>API: lifetime of presigned invoice links in seconds; the deployment sets it from <c>order-processing:invoiceLinkSeconds</c>.</summary>
    public const string InvoiceLinkSeconds = "INVOICE_LINK_SECONDS";

    /// <summary>Customer e-mail: the sender, RFC 5322 (<c>Shop &lt;shop@example.com&gt;</c>); the deployment sets it from <c>order-processing:mailSender</c>.</summary>
    public const string MailSender = "MAIL_SENDER";

    /// <summary>Optional, customer e-mail: the SES configuration set to send through (bounces and complaints); the deployment sets it.</summary>
    public const string MailConfigurationSet = "MAIL_CONFIGURATION_SET";

    /// <summary>Optional, customer e-mail: the API's base URL, for the invoice link of an invoice too large to attach.</summary>
    public const string MailLinkBaseUrl = "MAIL_LINK_BASE_URL";

    /// <summary>Optional: endpoint of a DynamoDB-compatible server (local runs and tests); the AWS endpoint when unset.</summary>
    public const string DynamoDbEndpoint = "AWS_ENDPOINT_URL_DYNAMODB";

    /// <summary>Optional: endpoint of an S3-compatible server (local runs and tests); the AWS endpoint when unset.</summary>
    public const string S3Endpoint = "AWS_ENDPOINT_URL_S3";

    /// <summary>
    /// Optional, customer e-mail: endpoint of an SES v2-compatible server (the local host in process mode); the AWS
    /// endpoint when unset. The name is the SDKs' service-specific endpoint variable for SES v2.
    /// </summary>
    public const string SesEndpoint = "AWS_ENDPOINT_URL_SESV2";
}
