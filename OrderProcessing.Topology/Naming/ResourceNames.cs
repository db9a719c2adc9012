using System.Text.RegularExpressions;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Topology.Naming;

/// <summary>
/// Physical names of a stack's resources, all <c>order-processing-&lt;stack&gt;-&lt;name&gt;</c>, so two stacks in one account never
/// collide and an operator can tell at a glance which stack a resource belongs to. IAM roles are global to the account
/// while everything else is regional, so role names also carry the region: the same stack in two regions never collides.
/// </summary>
public sealed partial class ResourceNames
{
    /// <summary>The project part of every name.</summary>
    public const string Project = "order-processing";

    /// <summary>The stack name the local host names its queues under, so an operator tool finds them by the same rule as in AWS.</summary>
    public const string LocalStack = "local";

    /// <summary>
    /// Where the local host serves the subset of the SQS JSON protocol over its queues: the operator tool's SQS client
    /// takes the host's base URL plus this as its service URL, and the host maps it; one spelling for both.
    /// </summary>
    public const string LocalSqsPath = "/_local/sqs";

    /// <summary>The longest stack name accepted: it keeps the bucket prefix within S3's 37 characters and every other name within its limit.</summary>
    public const int MaxStackNameLength = 10;

    /// <summary>The longest region name accepted (<c>us-isof-south-1</c> has 15): it keeps role names within IAM's 64 characters.</summary>
    public const int MaxRegionLength = 16;

    /// <summary>
    /// Creates the names of stack <paramref name="stackName"/> deployed to <paramref name="region"/> (the stack's
    /// <c>aws:region</c>); throws when either cannot appear in AWS names.
    /// </summary>
    public ResourceNames(string stackName, string region)
    {
        ArgumentNullException.ThrowIfNull(stackName);
        ArgumentNullException.ThrowIfNull(region);
        if (!StackNamePattern().IsMatch(stackName))
        {
            throw new ArgumentException(
                $"Stack name '{stackName}' cannot be used in resource names: use lowercase letters, digits and hyphens, starting with a letter, at most {MaxStackNameLength} characters (for example dev or prod).",
                nameof(stackName));
        }

        if (region.Length > MaxRegionLength || !RegionPattern().IsMatch(region))
        {
            throw new ArgumentException(
                $"Region '{region}' (the stack's aws:region) is not an AWS region name such as us-east-1 or eu-central-1 of at most {MaxRegionLength} characters.",
                nameof(region));
        }

        Stack = stackName;
        Region = region;
        Prefix = $"{Project}-{stackName}";
        Storage = StorageNames.Prefixed($"{Prefix}-");
    }

    /// <summary>The stack name.</summary>
    public string Stack { get; }

    /// <summary>The region the stack is deployed to.</summary>
    public string Region { get; }

    /// <summary><c>order-processing-&lt;stack&gt;</c>.</summary>
    public string Prefix { get; }

    /// <summary>The stack's storage names, by the one rule every part uses (<c>order-processing-&lt;stack&gt;-orders</c>).</summary>
    public StorageNames Storage { get; }

    /// <summary>The table of <paramref name="table"/>.</summary>
    public string Table(TableSchema table) => Storage.Table(table);

    /// <summary>The prefix S3 completes into the unique name of <paramref name="bucket"/> (bucket names are global across accounts).</summary>
    public string BucketPrefix(BucketSchema bucket) => $"{Storage.Bucket(bucket)}-";

    /// <summary>The Lambda function of <paramref name="function"/>.</summary>
    public string Function(FunctionDefinition function) => $"{Prefix}-{Required(function).Name}";

    /// <summary>The execution role of <paramref name="function"/>, in this region (role names are account-wide).</summary>
    public string FunctionRole(FunctionDefinition function) => $"{Prefix}-{Required(function).Name}-{Region}";

    /// <summary>The log group Lambda writes <paramref name="function"/>'s logs to.</summary>
    public string LogGroup(FunctionDefinition function) => $"/aws/lambda/{Function(function)}";

    /// <summary>The stage queue feeding <paramref name="stage"/>.</summary>
    public string Queue(FunctionDefinition stage) => $"{Prefix}-{Required(stage).Name}";

    /// <summary>The dead-letter queue of <paramref name="stage"/>'s queue.</summary>
    public string DeadLetterQueue(FunctionDefinition stage) => $"{Prefix}-{Required(stage).Name}-dlq";

    /// <summary>The topic the order events are published to.</summary>
    public string OrderEventsTopic => $"{Prefix}-order-events";

    /// <summary>The one pipe reading the orders stream, publishing to the order events topic.</summary>
    public string OrderEventsPipe => $"{Prefix}-order-events";

    /// <summary>The role of the order events pipe, in this region (role names are account-wide).</summary>
    public string OrderEventsPipeRole => $"{Prefix}-order-events-pipe-{Region}";

    /// <summary>Where the pipe records the stream records it could not deliver.</summary>
    public string PipeDeadLetterQueue => $"{Prefix}-pipes-dlq";

    /// <summary>The topic every alarm notifies.</summary>
    public string OperationsTopic => $"{Prefix}-operations";

    /// <summary>The SES configuration set customer e-mail is sent through.</summary>
    public string MailConfigurationSet => $"{Prefix}-customer-mail";

    /// <summary>The REST API (its name is also the <c>ApiName</c> dimension of its metrics).</summary>
    public string RestApi => $"{Prefix}-api";

    /// <summary>The usage plan throttling API keys.</summary>
    public string UsagePlan => $"{Prefix}-api";

    /// <summary>The API key of the stack's clients.</summary>
    public string ApiKey => $"{Prefix}-api";

    /// <summary>The dashboard.</summary>
    public string Dashboard => Prefix;

    /// <summary>The EventBridge rule that invokes scheduled function <paramref name="function"/>.</summary>
    public string ScheduleRule(FunctionDefinition function) => $"{Prefix}-{Required(function).Name}";

    /// <summary>An alarm about <paramref name="subject"/> (<c>reserve-inventory-dead-letters</c>).</summary>
    public string Alarm(string subject) => $"{Prefix}-{subject}";

    private static T Required<T>(T value)
        where T : class => value ?? throw new ArgumentNullException(nameof(value));

    [GeneratedRegex("^[a-z][a-z0-9-]{0,9}$", RegexOptions.CultureInvariant)]
    private static partial Regex StackNamePattern();

    // Partition-qualified regions too (us-gov-west-1, us-isob-east-1): two letters, one or two words, a number.
    [GeneratedRegex("^[a-z]{2}(-[a-z]+){1,2}-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();
}
