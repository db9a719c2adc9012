using System.Text;
using System.Text.Json;
using OrderProcessing.Core.InMemory;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Functions.Api;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Functions.Stages;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Events;

namespace OrderProcessing.Benchmarks.Warm;

/// <summary>
/// The six functions over one set of in-memory stores, as the local host composes them, with telemetry formatted exactly as
/// in Lambda but written to a null stream (the cost of building log lines is measured, not the terminal's).
/// </summary>
public sealed class WarmSystem
{
    /// <summary>Stock large enough that no benchmark runs out.</summary>
    public const int AmpleStock = 1_000_000_000;

    /// <summary>Builds the system with product <c>sku-1</c> in stock.</summary>
    public WarmSystem()
    {
        Ports = SystemPorts.InMemory(TimeProvider.System);
        Services = new SystemServices(Ports);
        Output = new StreamWriter(Stream.Null, new UTF8Encoding(false)) { AutoFlush = true };
        Api = new ApiFunction(Services, new ApiOptions { Auth = ApiAuthMode.None, AllowedOrigins = ["*"] }, Telemetry(SystemTopology.Api));
        ReserveInventory = new ReserveInventoryFunction(Services, Telemetry(SystemTopology.ReserveInventory));
        ChargePayment = new ChargePaymentFunction(Services, Telemetry(SystemTopology.ChargePayment));
        ShipOrder = new ShipOrderFunction(Services, Telemetry(SystemTopology.ShipOrder));
        GenerateInvoice = new GenerateInvoiceFunction(Services, Telemetry(SystemTopology.GenerateInvoice));
        Compensate = new CompensateFunction(Services, Telemetry(SystemTopology.Compensate));
        ((InMemoryCatalog)Ports.Catalog!).UpsertAsync("sku-1", "Widget", new Money(9.99m, Currency.Usd), AmpleStock).GetAwaiter().GetResult();
    }

    /// <summary>The in-memory ports.</summary>
    public SystemPorts Ports { get; }

    /// <summary>Core's services over <see cref="Ports"/>.</summary>
    public SystemServices Services { get; }

    /// <summary>Where every function's telemetry goes.</summary>
    public TextWriter Output { get; }

    /// <summary>The HTTP API function.</summary>
    public ApiFunction Api { get; }

    /// <summary>Stage for PENDING.</summary>
    public ReserveInventoryFunction ReserveInventory { get; }

    /// <summary>Stage for RESERVED.</summary>
    public ChargePaymentFunction ChargePayment { get; }

    /// <summary>Stage for PAID.</summary>
    public ShipOrderFunction ShipOrder { get; }

    /// <summary>Stage for SHIPPED.</summary>
    public GenerateInvoiceFunction GenerateInvoice { get; }

    /// <summary>Stage for CANCELLED.</summary>
    public CompensateFunction Compensate { get; }

    /// <summary>Places an order for customer number <paramref name="customer"/> through Core (no HTTP), returning it.</summary>
    public async Task<Order> PlaceAsync(int customer)
    {
        var request = new PlaceOrderRequest(
            $"c-{customer}",
            $"customer{customer}@example.com",
            $"Customer {customer}",
            [new OrderLineRequest("sku-1", 1)],
            "tok_visa",
            new AddressRequest("1 Main St", null, "Springfield", null, "12345", "US"));
        return (await Services.Orders.PlaceAsync(request, null).ConfigureAwait(false)).Order;
    }

    /// <summary>Moves an order on by running the Core stage of its status once (no SQS event).</summary>
    public async Task<Order> AdvanceAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var stage = SystemTopology.StageFor(order.Status) ?? throw new InvalidOperationException($"No stage consumes {order.Status.ToWire()}.");
        await Services.StageOf(stage).HandleAsync(order.OrderId).ConfigureAwait(false);
        return await Services.Orders.GetAsync(order.OrderId).ConfigureAwait(false);
    }

    /// <summary>Places an order and advances it until it has <paramref name="status"/>.</summary>
    public async Task<Order> OrderInAsync(int customer, OrderStatus status)
    {
        var order = await PlaceAsync(customer).ConfigureAwait(false);
        while (order.Status != status)
        {
            order = await AdvanceAsync(order).ConfigureAwait(false);
        }

        return order;
    }

    /// <summary>Invokes <paramref name="handler"/> with <paramref name="input"/> and returns the response's status code (API) or 0.</summary>
    public static async Task<int> InvokeApiAsync(ApiFunction handler, byte[] input)
    {
        ArgumentNullException.ThrowIfNull(handler);
        await using var output = await handler.HandleAsync(new MemoryStream(input, writable: false)).ConfigureAwait(false);
        return ReadStatus(output);
    }

    /// <summary>Invokes a stage handler and returns the number of failed messages it reported.</summary>
    public static async Task<int> InvokeStageAsync(Func<Stream, Task<Stream>> handler, byte[] input)
    {
        ArgumentNullException.ThrowIfNull(handler);
        await using var output = await handler(new MemoryStream(input, writable: false)).ConfigureAwait(false);
        return ReadFailures(output);
    }

    /// <summary>Reads <c>statusCode</c> from a proxy response without deserializing the whole document.</summary>
    public static int ReadStatus(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var buffer = ((MemoryStream)output).GetBuffer().AsSpan(0, (int)output.Length);
        var reader = new Utf8JsonReader(buffer);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("statusCode"u8))
            {
                reader.Read();
                return reader.GetInt32();
            }
        }

        throw new InvalidOperationException("The response has no statusCode.");
    }

    /// <summary>The number of entries of <c>batchItemFailures</c>.</summary>
    public static int ReadFailures(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var response = JsonSerializer.Deserialize((MemoryStream)output, AwsEventJsonContext.Default.SqsBatchResponse)
            ?? throw new InvalidOperationException("The stage answered null.");
        return response.BatchItemFailures.Count;
    }

    private Telemetry Telemetry(FunctionDefinition function) => new(function.Name, "bench", Output, TimeProvider.System);
}
