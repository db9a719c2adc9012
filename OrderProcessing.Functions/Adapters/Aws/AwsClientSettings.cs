namespace OrderProcessing.Functions.Adapters.Aws;

/// <summary>
/// How to reach AWS or an AWS-compatible local server. In Lambda leave everything unset: region and credentials come from
/// the SDK's default chain (the function's environment and role). For a local server set <see cref="ServiceUrl"/> and
/// dummy keys with <see cref="ForLocalEndpoint"/>.
/// </summary>
/// <param name="Region">Region system name (<c>eu-west-1</c>); null uses the SDK's default region chain (<c>AWS_REGION</c>).</param>
/// <param name="ServiceUrl">Endpoint of a compatible server (<c>http://127.0.0.1:4567</c>); null for AWS itself.</param>
/// <param name="AccessKeyId">Explicit access key, with <paramref name="SecretAccessKey"/>; null uses the default credential chain.</param>
/// <param name="SecretAccessKey">Explicit secret key, with <paramref name="AccessKeyId"/>.</param>
public sealed record AwsClientSettings(string? Region = null, Uri? ServiceUrl = null, string? AccessKeyId = null, string? SecretAccessKey = null)
{
    /// <summary>Region signed into requests to a local endpoint when none is given; local servers accept any.</summary>
    public const string LocalRegion = "us-east-1";

    /// <summary>Settings for the SDK defaults: the Lambda environment's region and role.</summary>
    public static AwsClientSettings Default { get; } = new();

    /// <summary>Settings for a local compatible server with explicit dummy keys (s3rver only accepts <c>S3RVER</c>/<c>S3RVER</c>).</summary>
    public static AwsClientSettings ForLocalEndpoint(Uri serviceUrl, string accessKeyId = "local", string secretAccessKey = "local")
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        return new AwsClientSettings(LocalRegion, serviceUrl, accessKeyId, secretAccessKey);
    }

    /// <summary>True when requests go to a compatible server rather than AWS.</summary>
    public bool IsLocalEndpoint => ServiceUrl is not null;
}
