using Microsoft.Extensions.Time.Testing;
using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.InMemory;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;
using OrderProcessing.Core.Pipeline;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Core.Shipping;
using OrderProcessing.Testing.Time;

namespace OrderProcessing.Core.Tests.Support;

/// <summary>
/// Core wired to its in-memory stores, a manual clock and sequential ids, with the pipeline's routing (status to
/// stage) so a test can drive an order the way the change feed would.
/// </summary>
public sealed class InMemorySystem
{
    public InMemorySystem()
    {
        Orders = new InMemoryOrderRepository(clock: Clock);
        Idempotency = new InMemoryIdempotencyStore(Clock);
        Gateway = new SimulatedPaymentGateway(Ledger, Clock);
        Service = new OrderService(Orders, Catalog, Idempotency, Invoices, Ids, Clock, new OrderServiceOptions { StageNames = PipelineStages.StageNames });
        Products = new CatalogService(Catalog);
    }

    public FakeTimeProvider Clock { get; } = TestClock.New();

    public SequentialIdGenerator Ids { get; } = new();

    public InMemoryOrderRepository Orders { get; }

    public InMemoryCatalog Catalog { get; } = new();

    public InMemoryIdempotencyStore Idempotency { get; }

    public InMemoryInvoiceStore Invoices { get; } = new();

    public InMemoryPaymentLedger Ledger { get; } = new();

    public SimulatedPaymentGateway Gateway { get; }

    public SimulatedCarrier Carrier { get; } = new();

    public CountingInvoiceRenderer Renderer { get; } = new();

    public OrderService Service { get; }

    public CatalogService Products { get; }

    public ReserveInventoryStage Reserve(IOrderRepository? orders = null) => new(orders ?? Orders, Catalog, Clock);

    public ChargePaymentStage Charge(IOrderRepository? orders = null, IPaymentGateway? gateway = null) =>
        new(orders ?? Orders, Catalog, gateway ?? Gateway, Clock);

    public ShipOrderStage Ship(IOrderRepository? orders = null) => new(orders ?? Orders, Catalog, Carrier, Clock);

    public GenerateInvoiceStage Invoice(IOrderRepository? orders = null) => new(orders ?? Orders, Renderer, Invoices, Clock);

    public CompensateStage Compensate(IOrderRepository? orders = null) => new(orders ?? Orders, Catalog, Gateway);

    /// <summary>The stage the routing table sends an order in <paramref name="status"/> to, or null for the statuses no stage handles.</summary>
    public IOrderStage? StageFor(OrderStatus status) =>
        PipelineStages.RoutedTo(status) is { } name ? new PipelineStages(this).Create(name) : null;

    /// <summary>Puts a product in the catalog with <paramref name="stock"/> units available.</summary>
    public async Task StockAsync(string productId, decimal unitPrice, int stock, string currency = "USD")
    {
        await Catalog.UpsertAsync(productId, $"Product {productId}", new Money(unitPrice, Currency.From(currency)), stock);
    }

    public async Task<StockLevel> StockOfAsync(string productId) =>
        await Catalog.GetStockAsync(productId) ?? throw new InvalidOperationException($"No product {productId}.");

    /// <summary>Places an order through the service, as <c>POST /orders</c> would.</summary>
    public async Task<Order> PlaceAsync(PlaceOrderRequest? request = null, string? idempotencyKey = null) =>
        (await Service.PlaceAsync(request ?? new PlaceOrderRequestBuilder().Build(), idempotencyKey)).Order;

    public async Task<Order> OrderAsync(string orderId) =>
        await Orders.GetAsync(orderId) ?? throw new InvalidOperationException($"No order {orderId}.");

    /// <summary>
    /// Delivers the order to the stage of its current status until a stage stops advancing it, as the change feed
    /// would (a cancelled order is compensated once). The clock moves a second per delivery. Returns the final order.
    /// </summary>
    public async Task<Order> RunPipelineAsync(string orderId)
    {
        for (var step = 0; step < 10; step++)
        {
            var order = await OrderAsync(orderId);
            if (StageFor(order.Status) is not { } stage)
            {
                return order;
            }

            Clock.Advance(TimeSpan.FromSeconds(1));
            var outcome = await stage.HandleAsync(orderId);
            if (!outcome.Advanced)
            {
                return await OrderAsync(orderId);
            }
        }

        throw new InvalidOperationException("The pipeline did not settle in 10 deliveries.");
    }
}
