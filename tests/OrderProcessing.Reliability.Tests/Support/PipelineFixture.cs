using Microsoft.Extensions.Time.Testing;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.InMemory;
using OrderProcessing.Core.Invoices;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;
using OrderProcessing.Core.Pipeline;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Core.Shipping;
using OrderProcessing.Testing.Time;

namespace OrderProcessing.Reliability.Tests.Support;

/// <summary>Core's pipeline on in-memory stores with a manual clock: two products of 100 units, stages on demand.</summary>
internal sealed class PipelineFixture
{
    public FakeTimeProvider Clock { get; } = TestClock.New();

    public InMemoryCatalog Catalog { get; } = new();

    public InMemoryOrderRepository Orders { get; } = new();

    public InMemoryPaymentLedger Ledger { get; } = new();

    public SimulatedPaymentGateway Gateway => new(Ledger, Clock);

    public OrderService Service => new(Orders, Catalog, new InMemoryIdempotencyStore(Clock), new InMemoryInvoiceStore(), new UlidIdGenerator(Clock), Clock);

    public static async Task<PipelineFixture> CreateAsync()
    {
        var fixture = new PipelineFixture();
        await fixture.Catalog.UpsertAsync("sku-a", "A", new Money(10m, Currency.Eur), 100);
        await fixture.Catalog.UpsertAsync("sku-b", "B", new Money(20m, Currency.Eur), 100);
        return fixture;
    }

    /// <summary>Places 2 of sku-a and 3 of sku-b (80.00 EUR) paid with <paramref name="token"/>.</summary>
    public async Task<string> PlaceAsync(string token = TestPaymentTokens.Visa)
    {
        var result = await Service.PlaceAsync(
            new PlaceOrderRequest("c-1", "jane@example.com", "Jane", [new OrderLineRequest("sku-a", 2), new OrderLineRequest("sku-b", 3)], token, new AddressRequest("1 Main St", null, "Springfield", null, "12345", "US")),
            null);
        return result.Order.OrderId;
    }

    public IOrderStage Reserve(IOrderRepository? orders = null) => new ReserveInventoryStage(orders ?? Orders, Catalog, Clock);

    public IOrderStage Charge(IOrderRepository? orders = null) => new ChargePaymentStage(orders ?? Orders, Catalog, Gateway, Clock);

    public IOrderStage Ship() => new ShipOrderStage(Orders, Catalog, new SimulatedCarrier(), Clock);

    public IOrderStage Invoice() => new GenerateInvoiceStage(Orders, new PdfInvoiceRenderer(), new InMemoryInvoiceStore(), Clock);

    public IOrderStage Compensate() => new CompensateStage(Orders, Catalog, Gateway);

    /// <summary>Available, reserved and shipped units of sku-a and sku-b.</summary>
    public async Task<(Core.Catalog.StockLevel A, Core.Catalog.StockLevel B)> StockAsync() =>
        ((await Catalog.GetStockAsync("sku-a"))!, (await Catalog.GetStockAsync("sku-b"))!);
}
