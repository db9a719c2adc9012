using OrderProcessing.Infra.Plan.Iam;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Infra.Plan.Tests.Support;

/// <summary>ARNs shaped like the deployed ones, for documents that need them.</summary>
public static class SampleArns
{
    /// <summary>The sample account.</summary>
    public const string Account = "123456789012";

    /// <summary>The sample region.</summary>
    public const string Region = "eu-west-1";

    /// <summary>The ARN of table <paramref name="table"/>.</summary>
    public static string Table(TableSchema table) => $"arn:aws:dynamodb:{Region}:{Account}:table/sample-{table.LogicalName}";

    /// <summary>The stream ARN of table <paramref name="table"/>.</summary>
    public static string Stream(TableSchema table) => $"{Table(table)}/stream/2025-01-01T00:00:00.000";

    /// <summary>The ARN of bucket <paramref name="bucket"/>.</summary>
    public static string Bucket(BucketSchema bucket) => $"arn:aws:s3:::sample-{bucket.LogicalName}-abc123";

    /// <summary>The ARN of queue <paramref name="name"/>.</summary>
    public static string Queue(string name) => $"arn:aws:sqs:{Region}:{Account}:{name}";

    /// <summary>The ARN of topic <paramref name="name"/>.</summary>
    public static string Topic(string name) => $"arn:aws:sns:{Region}:{Account}:{name}";

    /// <summary>The ARN of log group <paramref name="name"/>, as the provider reports it (no <c>:*</c>).</summary>
    public static string LogGroup(string name) => $"arn:aws:logs:{Region}:{Account}:log-group:{name}";

    /// <summary>The ARNs a function of <paramref name="plan"/> named <paramref name="functionName"/> is deployed with.</summary>
    public static ResourceArns For(DeploymentPlan plan, string functionName)
    {
        var function = plan.Functions.Single(f => f.Definition.Name == functionName);
        var stage = plan.Stages.SingleOrDefault(s => s.Function == function);
        return new ResourceArns(
            StorageSchema.Tables.ToDictionary(t => t.LogicalName, Table),
            StorageSchema.Buckets.ToDictionary(b => b.LogicalName, Bucket),
            LogGroup(function.LogGroupName),
            stage is null ? null : Queue(stage.QueueName))
        {
            MailIdentity = "arn:aws:ses:us-east-1:123456789012:identity/orders@shop.example.com",
            MailConfigurationSet = $"arn:aws:ses:us-east-1:123456789012:configuration-set/{plan.Names.MailConfigurationSet}",
        };
    }
}
