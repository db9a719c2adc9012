namespace OrderProcessing.Benchmarks.Cost;

/// <summary>
/// Public list prices, us-east-1, as of 2026 (on-demand, x86, no free tier, first pricing tier), in dollars. The report
/// prints them beside the arithmetic; change them here.
/// </summary>
public static class Prices
{
    /// <summary>The label printed with these prices.</summary>
    public const string Source = "public list prices, us-east-1, as of 2026 (on-demand, x86 Lambda, first pricing tier, free tiers ignored)";

    /// <summary>Lambda: per million requests.</summary>
    public const decimal LambdaRequestsPerMillion = 0.20m;

    /// <summary>Lambda: per GB-second of duration (x86).</summary>
    public const decimal LambdaPerGbSecond = 0.0000166667m;

    /// <summary>API Gateway REST API: per million requests (first 333 million a month).</summary>
    public const decimal ApiGatewayRestPerMillion = 3.50m;

    /// <summary>DynamoDB on demand: per million write request units.</summary>
    public const decimal DynamoDbWritePerMillion = 0.625m;

    /// <summary>DynamoDB on demand: per million read request units.</summary>
    public const decimal DynamoDbReadPerMillion = 0.125m;

    /// <summary>EventBridge Pipes: per million requests (events after filtering, per 64 KB chunk).</summary>
    public const decimal PipesPerMillion = 0.40m;

    /// <summary>SQS standard queues: per million requests (per 64 KB chunk).</summary>
    public const decimal SqsPerMillion = 0.40m;

    /// <summary>SNS standard topics: per million publishes (per 64 KB chunk); deliveries to SQS subscribers are free.</summary>
    public const decimal SnsPublishPerMillion = 0.50m;

    /// <summary>SES outbound e-mail: per million messages ($0.10 per 1,000; each recipient counts as one).</summary>
    public const decimal SesOutboundPerMillion = 100.00m;

    /// <summary>SES: per GB of attachments sent (their size as sent, base64-encoded in the raw message).</summary>
    public const decimal SesAttachmentsPerGb = 0.12m;

    /// <summary>S3 Standard: per million PUT requests ($0.005 per 1,000).</summary>
    public const decimal S3PutPerMillion = 5.00m;

    /// <summary>S3 Standard: per million GET requests ($0.0004 per 1,000).</summary>
    public const decimal S3GetPerMillion = 0.40m;

    /// <summary>CloudWatch Logs: per GB ingested (standard class).</summary>
    public const decimal LogsIngestPerGb = 0.50m;

    /// <summary>X-Ray: per million traces recorded.</summary>
    public const decimal XRayTracesPerMillion = 5.00m;

    /// <summary>Share of requests X-Ray's default sampling rule records at volume (1 per second plus 5 %).</summary>
    public const double XRaySampledShare = 0.05;
}
