using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;
using OrderProcessing.Reliability.Tests.Support;

namespace OrderProcessing.Reliability.Tests.Regressions;

/// <summary>
/// Stock and money given up by an order come back even when the process dies between the transition and the release,
/// and a client deleting an order cannot take away what the pipeline still needs to give them back.
/// </summary>
public sealed class SettlingTests
{
    private static readonly StockLevel Untouched = new(100, 0, 0);

    [Test]
    public async Task Delete_RightAfterCancel_IsRejectedUntilTheSettlingPeriodHasPassed()
    {
        var f = await PipelineFixture.CreateAsync();
        var orderId = await f.PlaceAsync();
        await f.Reserve().HandleAsync(orderId);
        await f.Service.CancelAsync(orderId, null);

        var early = Assert.ThrowsAsync<OrderStillSettlingException>(() => f.Service.DeleteAsync(orderId));
        await f.Compensate().HandleAsync(orderId);
        f.Clock.Advance(new OrderServiceOptions().SettlingPeriod);
        await f.Service.DeleteAsync(orderId);

        Assert.Multiple(async () =>
        {
            Assert.That(early!.DeletableFrom, Is.EqualTo(f.Clock.GetUtcNow()));
            Assert.That(await f.Orders.GetAsync(orderId), Is.Null);
            Assert.That(await f.StockAsync(), Is.EqualTo((Untouched, Untouched)));
        });
    }

    [Test]
    public async Task Delete_OfACompletedOrder_IsNotDelayed()
    {
        var f = await PipelineFixture.CreateAsync();
        var orderId = await f.PlaceAsync();
        foreach (var stage in new[] { f.Reserve(), f.Charge(), f.Ship(), f.Invoice() })
        {
            await stage.HandleAsync(orderId);
        }

        Assert.That((await f.Orders.GetAsync(orderId))!.Status, Is.EqualTo(OrderStatus.Completed));
        await f.Service.DeleteAsync(orderId);

        Assert.That(await f.Orders.GetAsync(orderId), Is.Null);
    }

    [Test]
    public async Task Compensate_ForACancelledOrderDeletedBeforeItRan_StillRefundsTheCapture()
    {
        var f = await PipelineFixture.CreateAsync();
        var orderId = await f.PlaceAsync();
        await f.Reserve().HandleAsync(orderId);
        await f.Charge().HandleAsync(orderId);
        await f.Service.CancelAsync(orderId, null);
        f.Clock.Advance(new OrderServiceOptions().SettlingPeriod);
        await f.Service.DeleteAsync(orderId);

        await f.Compensate().HandleAsync(orderId);

        Assert.That((await f.Ledger.GetAsync(orderId))!.Status, Is.EqualTo(PaymentStatus.Refunded));
    }

    [Test]
    public async Task ChargeCrash_AfterStoringPaymentFailed_ReleasesTheStockOnRedelivery()
    {
        var f = await PipelineFixture.CreateAsync();
        var orderId = await f.PlaceAsync(TestPaymentTokens.Declined);
        await f.Reserve().HandleAsync(orderId);

        Assert.ThrowsAsync<InvalidOperationException>(() => f.Charge(new CrashAfterUpdateRepository(f.Orders, OrderStatus.PaymentFailed)).HandleAsync(orderId));
        await f.Charge().HandleAsync(orderId);

        Assert.Multiple(async () =>
        {
            Assert.That((await f.Orders.GetAsync(orderId))!.Status, Is.EqualTo(OrderStatus.PaymentFailed));
            Assert.That(await f.StockAsync(), Is.EqualTo((Untouched, Untouched)));
        });
    }

    [Test]
    public async Task ReserveCrash_AfterStoringOutOfStock_ReleasesThePartialReservationOnRedelivery()
    {
        var f = await PipelineFixture.CreateAsync();
        await f.Catalog.UpsertAsync("sku-b", "B", new Core.Pricing.Money(20m, Core.Pricing.Currency.Eur), 2);
        var orderId = await f.PlaceAsync();

        Assert.ThrowsAsync<InvalidOperationException>(() => f.Reserve(new CrashAfterUpdateRepository(f.Orders, OrderStatus.OutOfStock)).HandleAsync(orderId));
        await f.Reserve().HandleAsync(orderId);

        Assert.Multiple(async () =>
        {
            Assert.That((await f.Orders.GetAsync(orderId))!.Status, Is.EqualTo(OrderStatus.OutOfStock));
            Assert.That(await f.StockAsync(), Is.EqualTo((Untouched, new StockLevel(2, 0, 0))));
        });
    }
}
