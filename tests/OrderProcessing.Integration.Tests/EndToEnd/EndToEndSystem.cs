using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Api;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Stages;
using OrderProcessing.Integration.Tests.Servers;
using OrderProcessing.Testing.Contracts;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.ApiGateway;
using OrderProcessing.Transport.ChangeFeed;
using OrderProcessing.Transport.Delivery;
using OrderProcessing.Transport.Dispatch;
using OrderProcessing.Transport.Invocation;
using OrderProcessing.Transport.Queues;

namespace OrderProcessing.Integration.Tests.EndToEnd;

/// <summary>
/// The six functions composed exactly as deployed (their settings, <see cref="AwsPortsFactory"/>, the DynamoDB and S3
/// adapters) on a fresh sandbox of dynalite and s3rver, invoked through their Stream handlers with AWS event JSON. It
/// plays API Gateway; Streams + the pipe + the topic + SQS are the in-process transport (dynalite has no streams): every
/// transition of the orders store becomes its order event envelope, routed to the stage the topology names for its status, and a failed
/// message is redelivered at once, up to the receive limit, as SQS would redeliver it.
/// </summary>
internal sealed class EndToEndSystem : IAsyncDisposable
{
    private readonly StorageSandbox _storage;
    private readonly StringWriter _output = new();
    private readonly StageDispatcher _transport;

    private EndToEndSystem(StorageSandbox storage)
    {
        _storage = storage;
        var settings = new Dictionary<string, string>(storage.Names.ToSettings(), StringComparer.Ordinal)
        {
            [SettingNames.Environment] = "e2e",
            [SettingNames.InvoiceLinkSeconds] = "300",
            [SettingNames.CorsAllowOrigin] = "https://shop.example",
            [SettingNames.ApiAuth] = "none",
        };
        var feed = new OrderChangeFeed(TimeProvider.System, NullLogger<OrderChangeFeed>.Instance);
        var ports = new ChangeFeedPortsFactory(new AwsPortsFactory(storage.DynamoDbSettings, storage.S3Settings), feed);
        var failures = new StageFailureLog();
        FunctionBootstrap Bootstrap(FunctionDefinition f) => FunctionBootstrap.Create(f, settings.GetValueOrDefault, ports, _output, failures);

        Api = new ApiFunction(Bootstrap(SystemTopology.Api));
        var stages = new Dictionary<string, Func<Stream, Task<Stream>>>(StringComparer.Ordinal)
        {
            [SystemTopology.ReserveInventory.Name] = new ReserveInventoryFunction(Bootstrap(SystemTopology.ReserveInventory)).HandleAsync,
            [SystemTopology.ChargePayment.Name] = new ChargePaymentFunction(Bootstrap(SystemTopology.ChargePayment)).HandleAsync,
            [SystemTopology.ShipOrder.Name] = new ShipOrderFunction(Bootstrap(SystemTopology.ShipOrder)).HandleAsync,
            [SystemTopology.GenerateInvoice.Name] = new GenerateInvoiceFunction(Bootstrap(SystemTopology.GenerateInvoice)).HandleAsync,
            [SystemTopology.Compensate.Name] = new CompensateFunction(Bootstrap(SystemTopology.Compensate)).HandleAsync,
        };

        // No delays: a delivery is driven by the test, and a failed message is visible again at once.
        _transport = new StageDispatcher(
            SystemTopology.Stages,
            f => new StreamFunctionHandler(f.Name, Emitted.Recording(stages[f.Name])),
            new DispatcherOptions { RetryDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.Zero },
            TimeProvider.System,
            NullLogger<StageDispatcher>.Instance,
            failures);
        _transport.Published = Emitted.Publish;
        feed.Subscribe(_transport);
    }

    /// <summary>Every envelope published and every batch a stage was invoked with, for the contract checks.</summary>
    public EmittedMessages Emitted { get; } = new();

    public ApiFunction Api { get; }

    public StorageSandbox Storage => _storage;

    /// <summary>Everything the functions logged.</summary>
    public string Output => _output.ToString();

    /// <summary>Messages that exhausted their receives, as the dead-letter queues would hold them.</summary>
    public IReadOnlyList<DeadLetter> DeadLetters => _transport.DeadLetters;

    public static async Task<EndToEndSystem> CreateAsync() => new(await StorageSandbox.CreateAsync(withBucket: true));

    public async Task<(int Status, ApiGatewayProxyResponse Response)> SendAsync(string method, string path, string? json = null, params (string Name, string Value)[] headers)
    {
        var headerMap = new Dictionary<string, string?> { ["Accept"] = "application/json", ["Host"] = "e2e.execute-api.us-east-1.amazonaws.com" };
        if (json is not null)
        {
            headerMap["Content-Type"] = "application/json";
        }

        foreach (var (name, value) in headers)
        {
            headerMap[name] = value;
        }

        var proxyEvent = new ApiGatewayProxyRequest
        {
            Resource = "/{proxy+}",
            Path = path,
            HttpMethod = method,
            Headers = headerMap,
            MultiValueHeaders = headerMap.ToDictionary(h => h.Key, h => (IReadOnlyList<string?>?)new[] { h.Value }),
            PathParameters = new Dictionary<string, string?> { ["proxy"] = path.TrimStart('/') },
            RequestContext = new ApiGatewayRequestContext { RequestId = Guid.NewGuid().ToString(), Stage = "e2e", HttpMethod = method, Path = "/e2e" + path, ResourcePath = "/{proxy+}" },
            Body = json,
        };
        var input = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(proxyEvent, AwsEventJsonContext.Default.ApiGatewayProxyRequest));
        await using var output = await Api.HandleAsync(input);
        var response = (await JsonSerializer.DeserializeAsync(output, AwsEventJsonContext.Default.ApiGatewayProxyResponse))!;
        return (response.StatusCode, response);
    }

    /// <summary>
    /// Delivers every queued message, and the messages of the writes the stages make in turn, until the pipeline rests.
    /// <paramref name="holdBack"/> keeps the messages of that status in their stage's queue (not delivered) until
    /// <see cref="ReleaseHeldBackAsync"/>.
    /// </summary>
    public async Task FlushAsync(OrderStatus? holdBack = null)
    {
        if (holdBack is { } status && SystemTopology.StageFor(status) is { } held)
        {
            _transport.SetPaused(held.Name, paused: true);
        }

        while (_transport.TryReceive(out var queue, out var batch))
        {
            await _transport.DeliverAsync(queue, batch);
        }
    }

    /// <summary>Messages kept in their queues by <see cref="FlushAsync"/>.</summary>
    public int HeldBack => _transport.Queues.Where(q => q.IsPaused).Sum(q => q.Counts.Pending);

    /// <summary>Delivers the messages held back, after everything else: a late delivery.</summary>
    public async Task ReleaseHeldBackAsync()
    {
        foreach (var queue in _transport.Queues.Where(q => q.IsPaused))
        {
            _transport.SetPaused(queue.Name, paused: false);
        }

        await FlushAsync();
    }

    public ValueTask DisposeAsync()
    {
        _transport.Dispose();
        return _storage.DisposeAsync();
    }
}
