using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.InMemory;
using OrderProcessing.Core.Invoices;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Functions.Api;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Functions.Stages;
using OrderProcessing.Testing.Time;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.Sqs;

namespace OrderProcessing.Functions.Tests.Support;

/// <summary>
/// The functions over in-memory stores, invoked exactly as Lambda would (JSON stream in, JSON stream out), with every
/// log line captured. <see cref="RunPipelineAsync"/> plays Streams, Pipes and SQS: it routes an order to the stage of
/// its status, as the topology says, until it reaches a status no stage consumes.
/// </summary>
internal sealed class TestSystem
{
    private readonly StringWriter _output = new();

    public TestSystem(ApiOptions? apiOptions = null, IInvoiceStore? invoices = null)
    {
        var memory = SystemPorts.InMemory(Clock);
        Orders = new FailingOrderRepository(memory.Orders!);
        Catalog = (InMemoryCatalog)memory.Catalog!;
        Ledger = (InMemoryPaymentLedger)memory.PaymentLedger!;
        Ports = memory with { Orders = Orders, Invoices = invoices ?? memory.Invoices };
        Services = new SystemServices(Ports);
        Api = new ApiFunction(Services, apiOptions ?? new ApiOptions { Auth = ApiAuthMode.None }, Telemetry(SystemTopology.Api));
        Stages = new Dictionary<string, Func<Stream, Task<Stream>>>
        {
            [SystemTopology.ReserveInventory.Name] = new ReserveInventoryFunction(Services, Telemetry(SystemTopology.ReserveInventory), Failures).HandleAsync,
            [SystemTopology.ChargePayment.Name] = new ChargePaymentFunction(Services, Telemetry(SystemTopology.ChargePayment), Failures).HandleAsync,
            [SystemTopology.ShipOrder.Name] = new ShipOrderFunction(Services, Telemetry(SystemTopology.ShipOrder), Failures).HandleAsync,
            [SystemTopology.GenerateInvoice.Name] = new GenerateInvoiceFunction(Services, Telemetry(SystemTopology.GenerateInvoice), Failures).HandleAsync,
            [SystemTopology.Compensate.Name] = new CompensateFunction(Services, Telemetry(SystemTopology.Compensate), Failures).HandleAsync,
        };
    }

    public FakeTimeProvider Clock { get; } = TestClock.New();

    /// <summary>Every message the stage functions failed, as their typed hook reported it.</summary>
    public RecordingFailureObserver Failures { get; } = new();

    public SystemPorts Ports { get; }

    public SystemServices Services { get; }

    public FailingOrderRepository Orders { get; }

    public InMemoryCatalog Catalog { get; }

    public InMemoryPaymentLedger Ledger { get; }

    public ApiFunction Api { get; }

    public IReadOnlyDictionary<string, Func<Stream, Task<Stream>>> Stages { get; }

    /// <summary>Every line the functions wrote.</summary>
    public string Output => _output.ToString();

    public IReadOnlyList<JsonElement> OutputLines =>
        Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    /// <summary>The log lines (not the metric documents).</summary>
    public IReadOnlyList<JsonElement> Logs => OutputLines.Where(l => l.TryGetProperty("level", out _)).ToList();

    public Telemetry Telemetry(FunctionDefinition function) => new(function.Name, "test", _output, Clock);

    public Task SeedProductAsync(string productId = "sku-1", decimal price = 9.99m, int stock = 10, string currency = "USD") =>
        Catalog.UpsertAsync(productId, $"Product {productId}", new Money(price, Currency.From(currency)), stock);

    public async Task<ProxyResult> SendAsync(ApiEventBuilder request) => await SendRawAsync(request.Build());

    public async Task<ProxyResult> SendRawAsync(string eventJson)
    {
        await using var output = await Api.HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(eventJson)));
        var response = await JsonSerializer.DeserializeAsync(output, AwsEventJsonContext.Default.ApiGatewayProxyResponse);
        return new ProxyResult(response!);
    }

    /// <summary>Places an order through the API and returns its id.</summary>
    public async Task<string> PlaceOrderAsync(OrderRequestBuilder? body = null, string? idempotencyKey = null)
    {
        var request = ApiEventBuilder.Post("/orders", (body ?? new OrderRequestBuilder()).Build());
        if (idempotencyKey is not null)
        {
            request.Header("Idempotency-Key", idempotencyKey);
        }

        var result = await SendAsync(request);
        Assert.That(result.Status, Is.EqualTo(201), result.ToString());
        return result.Json.GetProperty("orderId").GetString()!;
    }

    /// <summary>Invokes a stage function with an SQS event; returns the message ids it reported as failed.</summary>
    public async Task<IReadOnlyList<string>> DeliverAsync(FunctionDefinition stage, StageEventBuilder messages)
    {
        await using var output = await Stages[stage.Name](new MemoryStream(Encoding.UTF8.GetBytes(messages.Build())));
        var response = await JsonSerializer.DeserializeAsync(output, AwsEventJsonContext.Default.SqsBatchResponse);
        return response!.BatchItemFailures.Select(f => f.ItemIdentifier).ToList();
    }

    public async Task<Order> OrderAsync(string orderId) => (await Ports.Orders!.GetAsync(orderId))!;

    public async Task<StockLevel> StockAsync(string productId = "sku-1") => (await Catalog.GetStockAsync(productId))!;

    /// <summary>Routes the order to the stage of its status until no stage consumes it; redelivers failed messages.</summary>
    public async Task<Order> RunPipelineAsync(string orderId, int maxDeliveries = 20)
    {
        OrderStatus? previous = null;
        for (var delivery = 0; delivery < maxDeliveries; delivery++)
        {
            var order = await OrderAsync(orderId);
            if (SystemTopology.StageFor(order.Status) is not { } stage)
            {
                return order;
            }

            var failed = await DeliverAsync(stage, new StageEventBuilder().Record(orderId, order.Status, previous));
            var after = await OrderAsync(orderId);
            if (failed.Count == 0 && after.Status == order.Status)
            {
                // The stage consumed the record without moving the order (compensation): nothing more will arrive.
                return after;
            }

            previous = order.Status;
        }

        throw new InvalidOperationException($"Order {orderId} did not settle in {maxDeliveries} deliveries.");
    }
}
