using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Invoices;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;
using OrderProcessing.Core.Shipping;
using OrderProcessing.Core.Tests.Support;

namespace OrderProcessing.Core.Tests.Pipeline;

/// <summary>An order driven through the stages by its status, as the change feed routes it: success and each failure.</summary>
public class PipelineTests
{
    private InMemorySystem _system = null!;

    [SetUp]
    public async Task SetUp()
    {
        _system = new InMemorySystem();
        await _system.StockAsync("sku-1", 9.99m, 10);
        await _system.StockAsync("sku-2", 5m, 3);
        await _system.StockAsync("sku-big", 5000m, 10);
    }

    [Test]
    public async Task HappyPath_EndsCompleted_WithStockShipped_OneCapture_AndTheInvoiceStored()
    {
        var placed = await _system.PlaceAsync(TwoLines(2, 1));

        var order = await _system.RunPipelineAsync(placed.OrderId);

        var capture = _system.Ledger.Records.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Completed));
            Assert.That(order.History.Select(h => h.Status), Is.EqualTo(new[]
            {
                OrderStatus.Pending, OrderStatus.Reserved, OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Completed,
            }));
            Assert.That(order.Version, Is.EqualTo(5));
            Assert.That(order.LastEvent.Type, Is.EqualTo(OrderEventTypes.Completed));
            Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(new StockLevel(8, 0, 2)));
            Assert.That(await _system.StockOfAsync("sku-2"), Is.EqualTo(new StockLevel(2, 0, 1)));
            Assert.That(capture.Status, Is.EqualTo(PaymentStatus.Captured));
            Assert.That(capture.Amount, Is.EqualTo(order.Total));
            Assert.That(order.PaymentId, Is.EqualTo(capture.PaymentId));
            Assert.That(order.TrackingNumber, Is.EqualTo(SimulatedCarrier.TrackingNumberFor(order.OrderId)));
            Assert.That(order.InvoiceKey, Is.EqualTo(InvoiceKeys.For(order.OrderId)));
            Assert.That(await _system.Invoices.GetAsync(order.OrderId), Is.EqualTo(new PdfInvoiceRenderer().Render(Invoice.For(order))));
        }
    }

    [Test]
    public async Task OutOfStock_OnALaterLine_ReleasesTheEarlierLinesReservations()
    {
        var placed = await _system.PlaceAsync(TwoLines(2, 4));

        var order = await _system.RunPipelineAsync(placed.OrderId);

        Assert.That(order.Status, Is.EqualTo(OrderStatus.OutOfStock));
        Assert.That(order.History[^1].Reason, Is.EqualTo("not enough stock of 'sku-2' for 4"));
        Assert.That(order.LastEvent.Type, Is.EqualTo(OrderEventTypes.Failed));
        Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(new StockLevel(10, 0, 0)));
        Assert.That(await _system.StockOfAsync("sku-2"), Is.EqualTo(new StockLevel(3, 0, 0)));
        Assert.That(_system.Ledger.Records, Is.Empty, "nothing is charged");
    }

    [Test]
    public async Task OutOfStock_LeavesTheStockForOtherOrders()
    {
        var failing = await _system.PlaceAsync(TwoLines(10, 4));
        var fitting = await _system.PlaceAsync(TwoLines(10, 3));

        Assert.That((await _system.RunPipelineAsync(failing.OrderId)).Status, Is.EqualTo(OrderStatus.OutOfStock));
        Assert.That((await _system.RunPipelineAsync(fitting.OrderId)).Status, Is.EqualTo(OrderStatus.Completed));
    }

    [TestCase(TestPaymentTokens.Declined, "card declined")]
    [TestCase(TestPaymentTokens.InsufficientFunds, "insufficient funds")]
    [TestCase("tok_nobody_knows", "unknown payment token")]
    public async Task PaymentFailed_ReleasesTheReservedStock(string token, string reason)
    {
        var placed = await _system.PlaceAsync(new PlaceOrderRequestBuilder().WithLine("sku-1", 2).WithPaymentToken(token).Build());

        var order = await _system.RunPipelineAsync(placed.OrderId);

        Assert.That(order.Status, Is.EqualTo(OrderStatus.PaymentFailed));
        Assert.That(order.History[^1].Reason, Is.EqualTo(reason));
        Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(new StockLevel(10, 0, 0)));
        Assert.That(_system.Ledger.Records.Single().Status, Is.EqualTo(PaymentStatus.Declined));
    }

    [Test]
    public async Task PaymentFailed_ForAnAmountAboveTenThousand()
    {
        var placed = await _system.PlaceAsync(new PlaceOrderRequestBuilder().WithLine("sku-big", 3).Build());

        var order = await _system.RunPipelineAsync(placed.OrderId);

        Assert.That(order.Status, Is.EqualTo(OrderStatus.PaymentFailed));
        Assert.That(order.History[^1].Reason, Does.Contain("15000.00 USD exceeds the limit"));
        Assert.That(await _system.StockOfAsync("sku-big"), Is.EqualTo(new StockLevel(10, 0, 0)));
    }

    [Test]
    public async Task PaymentFailed_ForAnAmountAboveTenThousand_RecordsTheSameReasonOnAHostWithGermanNumbers()
    {
        using var culture = CultureScope.GermanNumbers();
        var placed = await _system.PlaceAsync(new PlaceOrderRequestBuilder().WithLine("sku-big", 3).Build());

        var order = await _system.RunPipelineAsync(placed.OrderId);

        Assert.That(order.History[^1].Reason, Is.EqualTo("amount 15000.00 USD exceeds the limit of 10000.00"));
        Assert.That(_system.Ledger.Records.Single().Reason, Is.EqualTo(order.History[^1].Reason));
    }

    [Test]
    public async Task FlakyPayment_IsRetried_AndTheOrderCompletes()
    {
        var placed = await _system.PlaceAsync(new PlaceOrderRequestBuilder().WithPaymentToken(TestPaymentTokens.Flaky).Build());
        await _system.Reserve().HandleAsync(placed.OrderId);

        Assert.ThrowsAsync<TransientFailureException>(() => _system.Charge().HandleAsync(placed.OrderId));
        Assert.That((await _system.OrderAsync(placed.OrderId)).Status, Is.EqualTo(OrderStatus.Reserved), "a transient failure changes nothing");

        Assert.That((await _system.RunPipelineAsync(placed.OrderId)).Status, Is.EqualTo(OrderStatus.Completed));
        Assert.That(_system.Ledger.Records, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task CancelAfterPayment_ThenCompensate_RefundsAndRestoresStock()
    {
        var placed = await _system.PlaceAsync(TwoLines(2, 1));
        await _system.Reserve().HandleAsync(placed.OrderId);
        await _system.Charge().HandleAsync(placed.OrderId);

        await _system.Service.CancelAsync(placed.OrderId, "changed my mind");
        var order = await _system.RunPipelineAsync(placed.OrderId);

        Assert.That(order.Status, Is.EqualTo(OrderStatus.Cancelled));
        Assert.That(_system.Ledger.Records.Single().Status, Is.EqualTo(PaymentStatus.Refunded));
        Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(new StockLevel(10, 0, 0)));
        Assert.That(await _system.StockOfAsync("sku-2"), Is.EqualTo(new StockLevel(3, 0, 0)));
    }

    [Test]
    public async Task CancelWhilePending_ThenCompensate_HoldsNothingAndChargesNothing()
    {
        var placed = await _system.PlaceAsync(TwoLines(2, 1));

        await _system.Service.CancelAsync(placed.OrderId, null);
        var order = await _system.RunPipelineAsync(placed.OrderId);

        Assert.That(order.Status, Is.EqualTo(OrderStatus.Cancelled));
        Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(new StockLevel(10, 0, 0)));
        Assert.That(_system.Ledger.Records, Is.Empty);
    }

    [Test]
    public async Task Stages_OfAnOrderThatNoLongerExists_SkipIt()
    {
        foreach (var stage in new PipelineStages(_system).All)
        {
            var outcome = await stage.HandleAsync("ord_deleted");

            Assert.That(outcome.Advanced, Is.False);
            Assert.That(outcome.Detail, Does.Contain("no longer exists"));
        }
    }

    [Test]
    public async Task Compensate_OfACancelledOrderThatIsGone_StillRefundsItsCapture()
    {
        var placed = await _system.PlaceAsync(TwoLines(1, 1));
        await _system.Reserve().HandleAsync(placed.OrderId);
        await _system.Charge().HandleAsync(placed.OrderId);
        var cancelled = await _system.Service.CancelAsync(placed.OrderId, null);
        await _system.Orders.DeleteAsync(placed.OrderId, cancelled.Version, _system.Clock.GetUtcNow().AddDays(1));

        var outcome = await _system.Compensate().HandleAsync(placed.OrderId);

        Assert.That(outcome.Detail, Does.Contain("refund: Refunded"));
        Assert.That(_system.Ledger.Records.Single().Status, Is.EqualTo(PaymentStatus.Refunded));
    }

    private static PlaceOrderRequest TwoLines(int sku1, int sku2) =>
        new PlaceOrderRequestBuilder().WithItems(new OrderLineRequest("sku-1", sku1), new OrderLineRequest("sku-2", sku2)).Build();
}
