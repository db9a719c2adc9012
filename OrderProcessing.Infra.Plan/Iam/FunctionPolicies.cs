using OrderProcessing.Topology;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Infra.Plan.Iam;

/// <summary>
/// The inline policy of a function's role: exactly the grants the topology declares for it, each mapped to concrete ARNs,
/// plus writing to its own log group. X-Ray is attached separately as an AWS managed policy (<see cref="ManagedPolicies"/>).
/// </summary>
public static class FunctionPolicies
{
    /// <summary>Actions Lambda needs to write the function's logs into the log group the program creates.</summary>
    public static IReadOnlyList<string> LogActions { get; } = ["logs:CreateLogStream", "logs:PutLogEvents"];

    /// <summary>The policy of <paramref name="function"/>; throws when a grant names a resource the schema or the ARNs lack.</summary>
    public static PolicyDocument For(FunctionDefinition function, ResourceArns arns)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(arns);

        var statements = function.Permissions
            .Select(grant => PolicyStatement.Allow(grant.Actions, Resources(function, grant.Resource, arns)))
            .Append(PolicyStatement.Allow(LogActions, [LogStreams(arns.LogGroup)]))
            .ToList();
        return new PolicyDocument { Statement = statements };
    }

    /// <summary>The ARNs a symbolic resource reference stands for.</summary>
    public static IReadOnlyList<string> Resources(FunctionDefinition function, ResourceRef resource, ResourceArns arns)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(arns);

        return resource.Kind switch
        {
            ResourceKind.Table => [TableArn(function, resource, arns)],
            // One ARN per declared index: a new index is a deliberate schema change, never covered in advance by index/*.
            ResourceKind.TableIndexes => Table(function, resource).Indexes
                .Select(index => $"{TableArn(function, resource, arns)}/index/{index.Name}")
                .ToList(),
            ResourceKind.TableIndex => Table(function, resource).Indexes.Any(i => i.Name == resource.IndexName)
                ? [$"{TableArn(function, resource, arns)}/index/{resource.IndexName}"]
                : throw new InvalidOperationException($"Function '{function.Name}' is granted index '{resource.IndexName}' of table '{resource.LogicalName}', which the storage schema does not declare."),
            ResourceKind.BucketObjects => [$"{BucketArn(function, resource, arns)}/{Bucket(function, resource).KeyPrefix}*"],
            ResourceKind.OwnQueue => [arns.OwnQueue ?? throw new InvalidOperationException($"Function '{function.Name}' is granted its own queue but has none.")],
            ResourceKind.MailIdentity => [arns.MailIdentity ?? throw new InvalidOperationException($"Function '{function.Name}' is granted the SES identity but no ARN was given.")],
            ResourceKind.MailConfigurationSet => [arns.MailConfigurationSet ?? throw new InvalidOperationException($"Function '{function.Name}' is granted the SES configuration set but no ARN was given.")],
            _ => throw new InvalidOperationException($"Function '{function.Name}' has a grant on unknown resource kind {resource.Kind}."),
        };
    }

    /// <summary>The log streams of a log group: Lambda creates a stream per execution environment.</summary>
    public static string LogStreams(string logGroupArn)
    {
        ArgumentNullException.ThrowIfNull(logGroupArn);
        return logGroupArn.EndsWith(":*", StringComparison.Ordinal) ? logGroupArn : logGroupArn + ":*";
    }

    private static TableSchema Table(FunctionDefinition function, ResourceRef resource) =>
        StorageSchema.Tables.FirstOrDefault(t => t.LogicalName == resource.LogicalName)
        ?? throw new InvalidOperationException($"Function '{function.Name}' is granted table '{resource.LogicalName}', which the storage schema does not declare.");

    private static BucketSchema Bucket(FunctionDefinition function, ResourceRef resource) =>
        StorageSchema.Buckets.FirstOrDefault(b => b.LogicalName == resource.LogicalName)
        ?? throw new InvalidOperationException($"Function '{function.Name}' is granted bucket '{resource.LogicalName}', which the storage schema does not declare.");

    private static string TableArn(FunctionDefinition function, ResourceRef resource, ResourceArns arns) =>
        arns.Tables.TryGetValue(Table(function, resource).LogicalName, out var arn)
            ? arn
            : throw new InvalidOperationException($"No ARN for table '{resource.LogicalName}' granted to function '{function.Name}'.");

    private static string BucketArn(FunctionDefinition function, ResourceRef resource, ResourceArns arns) =>
        arns.Buckets.TryGetValue(Bucket(function, resource).LogicalName, out var arn)
            ? arn
            : throw new InvalidOperationException($"No ARN for bucket '{resource.LogicalName}' granted to function '{function.Name}'.");
}
