using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;
using OrderProcessing.Core.Tests.Support;

namespace OrderProcessing.Core.Tests.Pipeline;

/// <summary>
/// Delivery is at least once and a stage may crash after any side effect: a stage run again, or run after a crash,
/// has the effect of one run.
/// </summary>
public class RedeliveryTests
{
    private InMemorySystem _system = null!;
    private string _orderId = null!;

    [SetUp]
    public async Task SetUp()
    {
        _system = new InMemorySystem();
        await _system.StockAsync("sku-1", 9.99m, 10);
        await _system.StockAsync("sku-2", 5m, 3);
        _orderId = (await _system.PlaceAsync(new PlaceOrderRequestBuilder()
            .WithItems(new OrderLineRequest("sku-1", 2), new OrderLineRequest("sku-2", 1)).Build())).OrderId;
    }

    [Test]
    public async Task ReserveTwice_ReservesOnce()
    {
        var first = await _system.Reserve().HandleAsync(_orderId);
        var second = await _system.Reserve().HandleAsync(_orderId);

        Assert.That(first.NewStatus, Is.EqualTo(OrderStatus.Reserved));
        Assert.That(second.Advanced, Is.False);
        Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(new StockLevel(8, 2, 0)));
        Assert.That((await _system.OrderAsync(_orderId)).Version, Is.EqualTo(2));
    }

    [Test]
    public async Task ReserveDeliveredTenTimesInParallel_ReservesOnce_AndMovesTheOrderOnce()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => _system.Reserve().HandleAsync(_orderId))));

        Assert.That(outcomes.Count(o => o.Advanced), Is.EqualTo(1));
        Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(new StockLevel(8, 2, 0)));
        Assert.That((await _system.OrderAsync(_orderId)).History, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task ChargeTwice_CapturesOnce()
    {
        await _system.Reserve().HandleAsync(_orderId);

        var first = await _system.Charge().HandleAsync(_orderId);
        var second = await _system.Charge().HandleAsync(_orderId);

        Assert.That(first.NewStatus, Is.EqualTo(OrderStatus.Paid));
        Assert.That(second.Advanced, Is.False);
        Assert.That(_system.Ledger.Records, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ChargeDeliveredTenTimesInParallel_CapturesOnce_AndMovesTheOrderOnce()
    {
        await _system.Reserve().HandleAsync(_orderId);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => _system.Charge().HandleAsync(_orderId))));

        Assert.That(outcomes.Count(o => o.Advanced), Is.EqualTo(1));
        Assert.That(_system.Ledger.Records, Has.Count.EqualTo(1));
        Assert.That((await _system.OrderAsync(_orderId)).Status, Is.EqualTo(OrderStatus.Paid));
    }

    [Test]
    public async Task ShipTwice_ShipsOnce()
    {
        await _system.Reserve().HandleAsync(_orderId);
        await _system.Charge().HandleAsync(_orderId);

        await _system.Ship().HandleAsync(_orderId);
        var second = await _system.Ship().HandleAsync(_orderId);

        Assert.That(second.Advanced, Is.False);
        Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(new StockLevel(8, 0, 2)));
    }

    [Test]
    public async Task InvoiceTwice_RendersAndCompletesOnce()
    {
        await _system.Reserve().HandleAsync(_orderId);
        await _system.Charge().HandleAsync(_orderId);
        await _system.Ship().HandleAsync(_orderId);

        await _system.Invoice().HandleAsync(_orderId);
        var second = await _system.Invoice().HandleAsync(_orderId);

        Assert.That(second.Advanced, Is.False);
        Assert.That(_system.Renderer.Renderings, Is.EqualTo(1));
        Assert.That((await _system.OrderAsync(_orderId)).Version, Is.EqualTo(5));
    }

    [Test]
    public async Task CompensateTwice_ReleasesAndRefundsOnce()
    {
        await _system.Reserve().HandleAsync(_orderId);
        await _system.Charge().HandleAsync(_orderId);
        await _system.Service.CancelAsync(_orderId, null);
        _system.Clock.Advance(TimeSpan.FromMinutes(1));
        var refundedAt = _system.Clock.GetUtcNow();

        var first = await _system.Compensate().HandleAsync(_orderId);
        _system.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await _system.Compensate().HandleAsync(_orderId);

        Assert.That(first.Detail, Does.Contain("released 2 line(s)").And.Contain("Refunded"));
        Assert.That(second.Detail, Does.Contain("released 0 line(s)").And.Contain("AlreadyRefunded"));
        Assert.That(_system.Ledger.Records.Single().RefundedAt, Is.EqualTo(refundedAt));
        Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(new StockLevel(10, 0, 0)));
        Assert.That(await _system.StockOfAsync("sku-2"), Is.EqualTo(new StockLevel(3, 0, 0)));
    }

    [Test]
    public async Task ReserveCrashingBeforeItsWrite_OnRedelivery_ReservesNothingMore()
    {
        Assert.ThrowsAsync<SimulatedCrashException>(() => _system.Reserve(new CrashingOrderRepository(_system.Orders)).HandleAsync(_orderId));
        Assert.That((await _system.OrderAsync(_orderId)).Status, Is.EqualTo(OrderStatus.Pending));

        var outcome = await _system.Reserve().HandleAsync(_orderId);

        Assert.That(outcome.NewStatus, Is.EqualTo(OrderStatus.Reserved));
        Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(new StockLevel(8, 2, 0)));
    }

    [Test]
    public async Task ReserveFailingAndCrashingBeforeItsWrite_OnRedelivery_EndsOutOfStockHoldingNothing()
    {
        await _system.StockAsync("sku-2", 5m, 0);

        Assert.ThrowsAsync<SimulatedCrashException>(() => _system.Reserve(new CrashingOrderRepository(_system.Orders)).HandleAsync(_orderId));
        var order = await _system.RunPipelineAsync(_orderId);

        Assert.That(order.Status, Is.EqualTo(OrderStatus.OutOfStock));
        Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(new StockLevel(10, 0, 0)));
    }

    [Test]
    public async Task ChargeCrashingAfterTheCapture_OnRedelivery_PaysWithTheSameCapture()
    {
        await _system.Reserve().HandleAsync(_orderId);

        Assert.ThrowsAsync<SimulatedCrashException>(() => _system.Charge(new CrashingOrderRepository(_system.Orders)).HandleAsync(_orderId));
        var capture = _system.Ledger.Records.Single();
        await _system.Charge().HandleAsync(_orderId);

        var order = await _system.OrderAsync(_orderId);
        Assert.That(order.Status, Is.EqualTo(OrderStatus.Paid));
        Assert.That(order.PaymentId, Is.EqualTo(capture.PaymentId));
        Assert.That(_system.Ledger.Records, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ChargeDecliningAndCrashing_OnRedelivery_FailsTheOrderHoldingNothing()
    {
        var declined = (await _system.PlaceAsync(new PlaceOrderRequestBuilder().WithLine("sku-1", 4).WithPaymentToken(TestPaymentTokens.Declined).Build())).OrderId;
        await _system.Reserve().HandleAsync(declined);

        Assert.ThrowsAsync<SimulatedCrashException>(() => _system.Charge(new CrashingOrderRepository(_system.Orders)).HandleAsync(declined));
        var order = await _system.RunPipelineAsync(declined);

        Assert.That(order.Status, Is.EqualTo(OrderStatus.PaymentFailed));
        Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(new StockLevel(10, 0, 0)));
    }

    [Test]
    public async Task ShipCrashingAfterMovingStock_OnRedelivery_ShipsNothingMore()
    {
        await _system.Reserve().HandleAsync(_orderId);
        await _system.Charge().HandleAsync(_orderId);

        Assert.ThrowsAsync<SimulatedCrashException>(() => _system.Ship(new CrashingOrderRepository(_system.Orders)).HandleAsync(_orderId));
        await _system.Ship().HandleAsync(_orderId);

        Assert.That((await _system.OrderAsync(_orderId)).Status, Is.EqualTo(OrderStatus.Shipped));
        Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(new StockLevel(8, 0, 2)));
    }

    [Test]
    public async Task InvoiceCrashingAfterStoring_OnRedelivery_StoresTheSameDocumentAndCompletes()
    {
        await _system.Reserve().HandleAsync(_orderId);
        await _system.Charge().HandleAsync(_orderId);
        await _system.Ship().HandleAsync(_orderId);

        Assert.ThrowsAsync<SimulatedCrashException>(() => _system.Invoice(new CrashingOrderRepository(_system.Orders)).HandleAsync(_orderId));
        var firstDocument = await _system.Invoices.GetAsync(_orderId);
        _system.Clock.Advance(TimeSpan.FromHours(1));
        await _system.Invoice().HandleAsync(_orderId);

        Assert.That((await _system.OrderAsync(_orderId)).Status, Is.EqualTo(OrderStatus.Completed));
        Assert.That(await _system.Invoices.GetAsync(_orderId), Is.EqualTo(firstDocument), "the invoice is dated by the shipment, so a re-render is identical");
    }
}
