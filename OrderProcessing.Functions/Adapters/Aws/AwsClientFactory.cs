using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;

namespace OrderProcessing.Functions.Adapters.Aws;

/// <summary>Creates the DynamoDB and S3 clients the adapters use, the same way for the functions, the local host and the tests.</summary>
public static class AwsClientFactory
{
    /// <summary>A DynamoDB client for <paramref name="settings"/>, bounded by <paramref name="limits"/> when given (the SDK's defaults otherwise).</summary>
    public static IAmazonDynamoDB CreateDynamoDb(AwsClientSettings settings, AwsCallLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var config = new AmazonDynamoDBConfig();
        Configure(config, settings, limits);
        return Credentials(settings) is { } credentials ? new AmazonDynamoDBClient(credentials, config) : new AmazonDynamoDBClient(config);
    }

    /// <summary>
    /// An S3 client for <paramref name="settings"/>. Against a local endpoint it uses path-style addressing (no bucket
    /// subdomains on 127.0.0.1) and sends or checks checksums only when an operation requires them: s3rver stores
    /// <c>aws-chunked</c> bodies with their chunk framing and trailers instead of decoding them. The invoice adapter also
    /// turns chunked uploads off per request, so bodies round-trip byte for byte.
    /// </summary>
    /// <param name="settings">How to reach S3.</param>
    /// <param name="limits">Per-attempt timeout and retries; the SDK's defaults when null.</param>
    public static IAmazonS3 CreateS3(AwsClientSettings settings, AwsCallLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var config = new AmazonS3Config();
        Configure(config, settings, limits);
        if (settings.IsLocalEndpoint)
        {
            config.ForcePathStyle = true;
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }

        return Credentials(settings) is { } credentials ? new AmazonS3Client(credentials, config) : new AmazonS3Client(config);
    }

    private static void Configure(ClientConfig config, AwsClientSettings settings, AwsCallLimits? limits)
    {
        if (limits?.Validate() is { } bounded)
        {
            // Standard mode retries throttling and 5xx with jittered backoff and a retry quota; Timeout bounds each HTTP
            // attempt (ReadWriteTimeout only applies on .NET Framework). The whole call is bounded by its token.
            config.RetryMode = RequestRetryMode.Standard;
            config.MaxErrorRetry = bounded.MaxErrorRetry;
            config.Timeout = bounded.AttemptTimeout;
        }

        if (settings.ServiceUrl is { } url)
        {
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"The service URL '{url}' must be an absolute http or https URL.", nameof(settings));
            }

            config.ServiceURL = url.ToString();
            config.AuthenticationRegion = settings.Region ?? AwsClientSettings.LocalRegion;
        }
        else if (settings.Region is { } region)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
    }

    private static BasicAWSCredentials? Credentials(AwsClientSettings settings)
    {
        var hasKey = !string.IsNullOrEmpty(settings.AccessKeyId);
        var hasSecret = !string.IsNullOrEmpty(settings.SecretAccessKey);
        if (hasKey != hasSecret)
        {
            throw new ArgumentException("Give both an access key id and a secret access key, or neither to use the default credential chain.", nameof(settings));
        }

        return hasKey ? new BasicAWSCredentials(settings.AccessKeyId, settings.SecretAccessKey) : null;
    }
}
