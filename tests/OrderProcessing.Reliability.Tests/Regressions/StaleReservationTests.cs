using OrderProcessing.Core.Common;
using OrderProcessing.Core.InMemory;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;
using OrderProcessing.Core.Pipeline;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Core.Shipping;

namespace OrderProcessing.Reliability.Tests.Regressions;

/// <summary>
/// A duplicate reserve-inventory delivery that read the order while PENDING and then went slow must not give back
/// stock the order has since reserved, paid for and shipped.
/// </summary>
public sealed class StaleReservationTests
{
    [Test]
    public async Task SlowDuplicateReservation_AfterTheOrderShipped_LeavesShippedStockAlone()
    {
        var clock = TimeProvider.System;
        var catalog = new InMemoryCatalog();
        await catalog.UpsertAsync("sku-a", "A", new Money(10m, Currency.Eur), 100);
        await catalog.UpsertAsync("sku-b", "B", new Money(20m, Currency.Eur), 100);
        var orders = new InMemoryOrderRepository();
        var service = new OrderService(orders, catalog, new InMemoryIdempotencyStore(clock), new InMemoryInvoiceStore(), new UlidIdGenerator(clock), clock);
        var placed = await service.PlaceAsync(
            new PlaceOrderRequest("c-1", "jane@example.com", "Jane", [new OrderLineRequest("sku-a", 2), new OrderLineRequest("sku-b", 3)], TestPaymentTokens.Visa, new AddressRequest("1 Main St", null, "Springfield", null, "12345", "US")),
            null);
        var orderId = placed.Order.OrderId;
        var gateway = new SimulatedPaymentGateway(new InMemoryPaymentLedger(), clock);

        // The slow duplicate reads PENDING, then waits at its first reservation.
        var gated = new GatedInventory(catalog);
        var slow = new ReserveInventoryStage(orders, gated, clock).HandleAsync(orderId);
        await gated.Reached;

        // Meanwhile the first delivery and the next stages run the order through to SHIPPED.
        await new ReserveInventoryStage(orders, catalog, clock).HandleAsync(orderId);
        await new ChargePaymentStage(orders, catalog, gateway, clock).HandleAsync(orderId);
        await new ShipOrderStage(orders, catalog, new SimulatedCarrier(), clock).HandleAsync(orderId);
        gated.Open();
        await slow;

        var a = await catalog.GetStockAsync("sku-a");
        var b = await catalog.GetStockAsync("sku-b");
        Assert.Multiple(async () =>
        {
            Assert.That((await orders.GetAsync(orderId))!.Status, Is.EqualTo(OrderStatus.Shipped));
            Assert.That(a, Is.EqualTo(new Core.Catalog.StockLevel(98, 0, 2)), "sku-a");
            Assert.That(b, Is.EqualTo(new Core.Catalog.StockLevel(97, 0, 3)), "sku-b");
        });
    }
}
