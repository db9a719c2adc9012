using System.Text.Json;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SQS;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Functions.Sweeping;
using OrderProcessing.Operations.Cli;
using OrderProcessing.Operations.Orders;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Naming;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Operations.Targets;

/// <summary>
/// One target of the tool: an SQS client (AWS, or the local host's SQS subset at <c>/_local/sqs</c>, so one code path
/// serves both), each stage's queues, and the orders backend. Names come from the stack's outputs or the topology's
/// <see cref="ResourceNames"/>, never spelled here.
/// </summary>
public sealed class OperationsTarget : IDisposable
{

    private readonly IReadOnlyDictionary<string, StageQueues> _stages;
    private readonly IDisposable[] _resources;

    private OperationsTarget(string description, IAmazonSQS sqs, IOrderBackend orders, IReadOnlyDictionary<string, StageQueues> stages, params IDisposable[] resources)
    {
        Description = description;
        Sqs = sqs;
        Orders = orders;
        _stages = stages;
        _resources = resources;
    }

    /// <summary>What the target is, for messages (<c>the local host at http://127.0.0.1:5080</c>).</summary>
    public string Description { get; }

    /// <summary>The SQS client.</summary>
    public IAmazonSQS Sqs { get; }

    /// <summary>Stuck orders and nudges.</summary>
    public IOrderBackend Orders { get; }

    /// <summary>The stages that have queues, in topology order.</summary>
    public static IReadOnlyList<FunctionDefinition> Stages => SystemTopology.QueueFunctions;

    /// <summary>The stage named <paramref name="name"/>; throws naming the known ones.</summary>
    public static FunctionDefinition Stage(string name) =>
        Stages.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal))
        ?? throw new OperatorException($"Unknown stage '{name}'; the stages are {string.Join(", ", Stages.Select(s => s.Name))}.");

    /// <summary>Builds the target <paramref name="options"/> name; throws <see cref="OperatorException"/> when they name none or a bad one.</summary>
    public static OperationsTarget Create(TargetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var chosen = new object?[] { options.Local, options.StackOutputs, options.Stack }.Count(o => o is not null);
        if (chosen != 1)
        {
            throw new OperatorException("Say where to work, once: --local URL (the local host), --stack-outputs FILE (pulumi stack output --json), or --stack NAME (with --region or AWS_REGION).");
        }

        if (options.Local is { } local)
        {
            return Local(local, options.Region ?? "us-east-1");
        }

        var region = options.Region is { } r ? RegionEndpoint.GetBySystemName(r) : null;
        AmazonSQSClient sqs;
        try
        {
            sqs = region is null ? new AmazonSQSClient() : new AmazonSQSClient(region);
        }
        catch (AmazonClientException e)
        {
            // The SDK's chain found no region (no AWS_REGION, no profile region).
            throw new OperatorException($"No AWS region: pass --region or set AWS_REGION ({e.Message}).", e);
        }

        var dynamo = new AmazonDynamoDBClient(sqs.Config.RegionEndpoint);
        try
        {
            var (description, stages, table) = options.StackOutputs is { } file ? FromOutputs(file) : FromNames(options.Stack!, options.Region ?? sqs.Config.RegionEndpoint?.SystemName);
            var orders = new StoreOrderBackend(new StuckOrderOperations(new DynamoDbOrderRepository(dynamo, table), TimeProvider.System), $"table {table}");
            return new OperationsTarget(description, sqs, orders, stages, sqs, dynamo);
        }
        catch
        {
            sqs.Dispose();
            dynamo.Dispose();
            throw;
        }
    }

    /// <summary>The queues of <paramref name="stage"/>.</summary>
    public StageQueues QueuesOf(FunctionDefinition stage) => _stages[stage.Name];

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var resource in _resources)
        {
            resource.Dispose();
        }
    }

    private static OperationsTarget Local(Uri local, string region)
    {
        var names = Names(ResourceNames.LocalStack, region);
        var baseUrl = local.ToString().TrimEnd('/');

        // The local subset checks no signature; the SDK still signs, so it needs some credentials, and no retries, so an
        // unreachable host is reported at once.
        var sqs = new AmazonSQSClient(new BasicAWSCredentials("local", "local"), new AmazonSQSConfig
        {
            ServiceURL = baseUrl + ResourceNames.LocalSqsPath,
            AuthenticationRegion = region,
            MaxErrorRetry = 0,
        });
        var http = new HttpClient { BaseAddress = new Uri(baseUrl + "/") };
        return new OperationsTarget($"the local host at {baseUrl}", sqs, new LocalOrderBackend(http, baseUrl), ByName(names), sqs, http);
    }

    private static ResourceNames Names(string stack, string? region)
    {
        if (region is null)
        {
            throw new OperatorException("No region: pass --region or set AWS_REGION.");
        }

        try
        {
            return new ResourceNames(stack, region);
        }
        catch (ArgumentException e)
        {
            throw new OperatorException(e.Message, e);
        }
    }

    private static Dictionary<string, StageQueues> ByName(ResourceNames names) => Stages.ToDictionary(
        s => s.Name,
        s => new StageQueues(s, new QueueAddress(names.Queue(s)), new QueueAddress(names.DeadLetterQueue(s))),
        StringComparer.Ordinal);

    private static (string Description, IReadOnlyDictionary<string, StageQueues> Stages, string Table) FromNames(string stack, string? region)
    {
        var names = Names(stack, region);
        return ($"stack {stack} in {names.Region}", ByName(names), names.Table(StorageSchema.Orders));
    }

    // The outputs OrderProcessingStack exports: queues (stage to name), deadLetterQueues (stage to URL), tables (logical to physical).
    private static (string Description, IReadOnlyDictionary<string, StageQueues> Stages, string Table) FromOutputs(FileInfo file)
    {
        JsonElement root;
        try
        {
            using var stream = file.OpenRead();
            using var document = JsonDocument.Parse(stream);
            root = document.RootElement.Clone();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new OperatorException($"Cannot read the stack outputs {file.FullName}: {e.Message} (write it with: pulumi stack output --json > {file.Name})", e);
        }

        string Output(string map, string key) =>
            root.TryGetProperty(map, out var values) && values.ValueKind == JsonValueKind.Object && values.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw new OperatorException($"The stack outputs {file.FullName} have no {map}.{key}: is it the output of this project's stack?");

        var stages = Stages.ToDictionary(
            s => s.Name,
            s =>
            {
                var deadLetterUrl = Output("deadLetterQueues", s.Name);
                return new StageQueues(s, new QueueAddress(Output("queues", s.Name)), new QueueAddress(deadLetterUrl.TrimEnd('/').Split('/')[^1], deadLetterUrl));
            },
            StringComparer.Ordinal);
        return ($"the stack of {file.Name}", stages, Output("tables", StorageSchema.Orders.LogicalName));
    }
}
