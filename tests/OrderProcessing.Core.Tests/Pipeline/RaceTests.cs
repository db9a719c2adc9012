using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;
using OrderProcessing.Core.Tests.Support;
using OrderProcessing.Testing.Orders;

namespace OrderProcessing.Core.Tests.Pipeline;

/// <summary>
/// Cancellation, operator moves and slow deliveries racing the stages. Whatever the interleaving, a cancelled or
/// failed order ends holding no stock and no money, and a shipped order keeps its shipped stock.
/// </summary>
public class RaceTests
{
    private InMemorySystem _system = null!;
    private string _orderId = null!;

    [SetUp]
    public async Task SetUp()
    {
        _system = new InMemorySystem();
        await _system.StockAsync("sku-1", 9.99m, 10);
        _orderId = (await _system.PlaceAsync(new PlaceOrderRequestBuilder().WithLine("sku-1", 2).Build())).OrderId;
        await _system.Reserve().HandleAsync(_orderId);
    }

    [Test]
    public async Task SameStatusWriteLandingBeforeTheStagesWrite_IsRetried_AndTheRetryMovesTheOrderChargingOnce()
    {
        var touch = new InterferingOrderRepository(_system.Orders, async () =>
        {
            var order = (await _system.Orders.GetAsync(_orderId))!;
            await _system.Orders.UpdateAsync(SameStatusWrite.Of(order));
        });

        Assert.ThrowsAsync<TransientFailureException>(() => _system.Charge(orders: touch).HandleAsync(_orderId));
        var retry = await _system.Charge().HandleAsync(_orderId);

        Assert.That((retry.Advanced, retry.NewStatus), Is.EqualTo((true, (OrderStatus?)OrderStatus.Paid)));
        Assert.That(_system.Ledger.Records, Has.Count.EqualTo(1), "the retry does not charge again");
    }

    [Test]
    public async Task CancelLandingBetweenCaptureAndPaid_EndsWithARefund()
    {
        var gateway = new InterceptingPaymentGateway(_system.Gateway, afterCharge: () => _system.Service.CancelAsync(_orderId, "racing"));

        var outcome = await _system.Charge(gateway: gateway).HandleAsync(_orderId);
        var order = await _system.RunPipelineAsync(_orderId);

        Assert.That(outcome.Advanced, Is.False);
        Assert.That(outcome.Detail, Does.Contain("refund: Refunded"));
        Assert.That(order.Status, Is.EqualTo(OrderStatus.Cancelled));
        Assert.That(_system.Ledger.Records.Single().Status, Is.EqualTo(PaymentStatus.Refunded));
        Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(new StockLevel(10, 0, 0)));
    }

    [Test]
    public async Task CancelAndCompensationBeforeTheCapture_TheLateCaptureIsRefundedByTheChargeStage()
    {
        var gateway = new InterceptingPaymentGateway(_system.Gateway, beforeCharge: async () =>
        {
            await _system.Service.CancelAsync(_orderId, "racing");
            var compensation = await _system.Compensate().HandleAsync(_orderId);
            Assert.That(compensation.Detail, Does.Contain("NothingCaptured"));
        });

        await _system.Charge(gateway: gateway).HandleAsync(_orderId);

        Assert.That((await _system.OrderAsync(_orderId)).Status, Is.EqualTo(OrderStatus.Cancelled));
        Assert.That(_system.Ledger.Records.Single().Status, Is.EqualTo(PaymentStatus.Refunded));
        Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(new StockLevel(10, 0, 0)));
    }

    [Test]
    public async Task CancelAndCompensationAfterTheCapture_RefundOnce()
    {
        var gateway = new InterceptingPaymentGateway(_system.Gateway, afterCharge: async () =>
        {
            await _system.Service.CancelAsync(_orderId, "racing");
            await _system.Compensate().HandleAsync(_orderId);
        });

        var outcome = await _system.Charge(gateway: gateway).HandleAsync(_orderId);

        Assert.That(outcome.Detail, Does.Contain("AlreadyRefunded"));
        Assert.That(_system.Ledger.Records.Single().Status, Is.EqualTo(PaymentStatus.Refunded));
        Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(new StockLevel(10, 0, 0)));
    }

    [Test]
    public async Task CancelLandingWhileShipping_PutsTheShippedUnitsBack()
    {
        await _system.Charge().HandleAsync(_orderId);
        var racing = new InterferingOrderRepository(_system.Orders, () => _system.Service.CancelAsync(_orderId, "racing"));

        var outcome = await _system.Ship(racing).HandleAsync(_orderId);
        Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(new StockLevel(10, 0, 0)), "the ship stage gives back what it shipped");
        var order = await _system.RunPipelineAsync(_orderId);

        Assert.That(outcome.Advanced, Is.False);
        Assert.That(order.Status, Is.EqualTo(OrderStatus.Cancelled));
        Assert.That(order.TrackingNumber, Is.Null);
        Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(new StockLevel(10, 0, 0)));
        Assert.That(_system.Ledger.Records.Single().Status, Is.EqualTo(PaymentStatus.Refunded));
    }

    [Test]
    public async Task CancelAfterShipping_IsRejected_AndTheOrderCompletes()
    {
        await _system.Charge().HandleAsync(_orderId);
        await _system.Ship().HandleAsync(_orderId);

        Assert.ThrowsAsync<InvalidTransitionException>(() => _system.Service.CancelAsync(_orderId, null));
        Assert.That((await _system.RunPipelineAsync(_orderId)).Status, Is.EqualTo(OrderStatus.Completed));
        Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(new StockLevel(8, 0, 2)));
    }

    [Test]
    public async Task ReserveDeliveryThatReadPendingAndResumesAfterShipping_DoesNotGiveBackTheShippedStock()
    {
        // A delivery read the order while PENDING and stalled (its visibility timeout expired); the redelivered
        // message took the order through charge and shipping; now the stale delivery resumes.
        var placed = await _system.PlaceAsync(new PlaceOrderRequestBuilder().WithLine("sku-1", 3).Build());
        var readWhilePending = placed.ToSnapshot();
        await _system.RunPipelineAsync(placed.OrderId);
        Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(new StockLevel(5, 2, 3)));

        var outcome = await _system.Reserve(new StaleReadOrderRepository(_system.Orders, readWhilePending)).HandleAsync(placed.OrderId);

        Assert.That(outcome.Advanced, Is.False);
        Assert.That((await _system.OrderAsync(placed.OrderId)).Status, Is.EqualTo(OrderStatus.Completed));
        Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(new StockLevel(5, 2, 3)), "a completed order keeps its shipped units");
    }

    [Test]
    public async Task OperatorFailingAReservedOrder_TheChargeDeliveryReleasesItsStock()
    {
        await _system.Service.MoveAsync(_orderId, OrderStatus.PaymentFailed);

        var outcome = await _system.Charge().HandleAsync(_orderId);

        Assert.That(outcome.Advanced, Is.False);
        Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(new StockLevel(10, 0, 0)), "a PAYMENT_FAILED order holds no stock");
        Assert.That(_system.Ledger.Records, Is.Empty);
    }

    [Test]
    public async Task OperatorFailingAnOrderWhileItsCaptureIsInFlight_TheCaptureIsRefunded()
    {
        var gateway = new InterceptingPaymentGateway(_system.Gateway, afterCharge: () => _system.Service.MoveAsync(_orderId, OrderStatus.PaymentFailed));

        await _system.Charge(gateway: gateway).HandleAsync(_orderId);

        Assert.That((await _system.OrderAsync(_orderId)).Status, Is.EqualTo(OrderStatus.PaymentFailed));
        Assert.That(_system.Ledger.Records.Single().Status, Is.EqualTo(PaymentStatus.Refunded), "a PAYMENT_FAILED order has not been charged");
        Assert.That(await _system.StockOfAsync("sku-1"), Is.EqualTo(new StockLevel(10, 0, 0)));
    }
}
