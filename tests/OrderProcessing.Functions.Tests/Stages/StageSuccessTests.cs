using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;
using OrderProcessing.Functions.Tests.Support;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Tests.Stages;

/// <summary>Each stage function, fed the order event envelope of its status, moves the order as the lifecycle says.</summary>
public sealed class StageSuccessTests
{
    private TestSystem _system = null!;

    [SetUp]
    public async Task SetUp()
    {
        _system = new TestSystem();
        await _system.SeedProductAsync("sku-1", 9.99m, stock: 10);
    }

    [Test]
    public async Task ReserveInventory_ReservesStock_AndMovesThePendingOrderToReserved()
    {
        var orderId = await _system.PlaceOrderAsync();

        var failed = await _system.DeliverAsync(SystemTopology.ReserveInventory, new StageEventBuilder().Record(orderId, OrderStatus.Pending));

        Assert.That(failed, Is.Empty);
        Assert.That((await _system.OrderAsync(orderId)).Status, Is.EqualTo(OrderStatus.Reserved));
        Assert.That(await _system.StockAsync(), Is.EqualTo(new Core.Catalog.StockLevel(8, 2, 0)));
    }

    [Test]
    public async Task ReserveInventory_WithoutEnoughStock_MovesTheOrderToOutOfStock()
    {
        var orderId = await _system.PlaceOrderAsync(new OrderRequestBuilder().Items(("sku-1", 11)));

        await _system.DeliverAsync(SystemTopology.ReserveInventory, new StageEventBuilder().Record(orderId, OrderStatus.Pending));

        Assert.That((await _system.OrderAsync(orderId)).Status, Is.EqualTo(OrderStatus.OutOfStock));
        Assert.That(await _system.StockAsync(), Is.EqualTo(new Core.Catalog.StockLevel(10, 0, 0)));
    }

    [Test]
    public async Task ChargePayment_CapturesOnce_AndMovesTheOrderToPaid()
    {
        var orderId = await _system.PlaceOrderAsync();
        await _system.DeliverAsync(SystemTopology.ReserveInventory, new StageEventBuilder().Record(orderId, OrderStatus.Pending));

        var failed = await _system.DeliverAsync(SystemTopology.ChargePayment, new StageEventBuilder().Record(orderId, OrderStatus.Reserved, OrderStatus.Pending));

        Assert.That(failed, Is.Empty);
        Assert.That((await _system.OrderAsync(orderId)).Status, Is.EqualTo(OrderStatus.Paid));
        Assert.That(_system.Ledger.Records.Single().Status, Is.EqualTo(PaymentStatus.Captured));
    }

    [Test]
    public async Task ChargePayment_WithADeclinedToken_FailsThePaymentAndRestoresStock()
    {
        var orderId = await _system.PlaceOrderAsync(new OrderRequestBuilder().Token(TestPaymentTokens.Declined));

        var order = await _system.RunPipelineAsync(orderId);

        Assert.That(order.Status, Is.EqualTo(OrderStatus.PaymentFailed));
        Assert.That(await _system.StockAsync(), Is.EqualTo(new Core.Catalog.StockLevel(10, 0, 0)));
    }

    [Test]
    public async Task ShipOrder_ShipsTheReservedStock_AndRecordsATrackingNumber()
    {
        var orderId = await _system.PlaceOrderAsync();
        await _system.DeliverAsync(SystemTopology.ReserveInventory, new StageEventBuilder().Record(orderId, OrderStatus.Pending));
        await _system.DeliverAsync(SystemTopology.ChargePayment, new StageEventBuilder().Record(orderId, OrderStatus.Reserved, OrderStatus.Pending));
        Assert.That((await _system.OrderAsync(orderId)).Status, Is.EqualTo(OrderStatus.Paid));

        var failed = await _system.DeliverAsync(SystemTopology.ShipOrder, new StageEventBuilder().Record(orderId, OrderStatus.Paid, OrderStatus.Reserved));

        var order = await _system.OrderAsync(orderId);
        Assert.That(failed, Is.Empty);
        Assert.That(order.Status, Is.EqualTo(OrderStatus.Shipped));
        Assert.That(order.TrackingNumber, Does.StartWith("OP"));
        Assert.That(await _system.StockAsync(), Is.EqualTo(new Core.Catalog.StockLevel(8, 0, 2)));
    }

    [Test]
    public async Task GenerateInvoice_StoresTheInvoice_AndCompletesTheOrder()
    {
        var orderId = await _system.PlaceOrderAsync();

        var order = await _system.RunPipelineAsync(orderId);

        Assert.That(order.Status, Is.EqualTo(OrderStatus.Completed));
        Assert.That(order.InvoiceAvailable, Is.True);
        Assert.That(await _system.Ports.Invoices!.GetAsync(orderId), Is.Not.Null);
        var api = await _system.SendAsync(ApiEventBuilder.Get($"/orders/{orderId}"));
        Assert.That(api.Json.GetProperty("trackingNumber").GetString(), Is.EqualTo(order.TrackingNumber));
        Assert.That(api.Json.GetProperty("invoiceAvailable").GetBoolean(), Is.True);
        Assert.That(api.Json.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()), Is.EqualTo(new[] { "PENDING", "RESERVED", "PAID", "SHIPPED", "COMPLETED" }));
    }

    [Test]
    public async Task Compensate_AfterACancelledPayment_RefundsAndRestoresStock()
    {
        var orderId = await _system.PlaceOrderAsync();
        await _system.DeliverAsync(SystemTopology.ReserveInventory, new StageEventBuilder().Record(orderId, OrderStatus.Pending));
        await _system.DeliverAsync(SystemTopology.ChargePayment, new StageEventBuilder().Record(orderId, OrderStatus.Reserved));
        await _system.SendAsync(ApiEventBuilder.Post($"/orders/{orderId}/cancel"));

        var failed = await _system.DeliverAsync(SystemTopology.Compensate, new StageEventBuilder().Record(orderId, OrderStatus.Cancelled, OrderStatus.Paid));

        Assert.That(failed, Is.Empty);
        Assert.That(_system.Ledger.Records.Single().Status, Is.EqualTo(PaymentStatus.Refunded));
        Assert.That(await _system.StockAsync(), Is.EqualTo(new Core.Catalog.StockLevel(10, 0, 0)));
    }

    [Test]
    public async Task FlakyPayment_IsReportedForRetry_ThenPaidOnRedelivery()
    {
        var orderId = await _system.PlaceOrderAsync(new OrderRequestBuilder().Token(TestPaymentTokens.Flaky));
        await _system.DeliverAsync(SystemTopology.ReserveInventory, new StageEventBuilder().Record(orderId, OrderStatus.Pending));
        var message = new StageEventBuilder().Record(orderId, OrderStatus.Reserved, messageId: "flaky-1");

        var firstTry = await _system.DeliverAsync(SystemTopology.ChargePayment, message);
        var statusAfterFirst = (await _system.OrderAsync(orderId)).Status;
        var secondTry = await _system.DeliverAsync(SystemTopology.ChargePayment, new StageEventBuilder().Record(orderId, OrderStatus.Reserved, messageId: "flaky-1", receiveCount: 2));

        Assert.That(firstTry, Is.EqualTo(new[] { "flaky-1" }));
        Assert.That(statusAfterFirst, Is.EqualTo(OrderStatus.Reserved));
        Assert.That(secondTry, Is.Empty);
        Assert.That((await _system.OrderAsync(orderId)).Status, Is.EqualTo(OrderStatus.Paid));
        var warning = _system.OutputLines.Single(l => l.TryGetProperty("cause", out var c) && c.GetString() == "transient");
        Assert.That(warning.GetProperty("level").GetString(), Is.EqualTo("WARN"));
        Assert.That(warning.GetProperty("requestId").GetString(), Is.EqualTo("flaky-1"));
    }

    [Test]
    public async Task EachBatch_EmitsStageOutcomeMetrics()
    {
        var orderId = await _system.PlaceOrderAsync();

        await _system.DeliverAsync(SystemTopology.ReserveInventory, new StageEventBuilder().Record(orderId, OrderStatus.Pending).Record(orderId, OrderStatus.Pending).Raw("garbage"));

        var metric = _system.OutputLines.Single(l => l.TryGetProperty("Stage", out _));
        Assert.That(metric.GetProperty("Stage").GetString(), Is.EqualTo("reserve-inventory"));
        Assert.That(metric.GetProperty("Moved").GetDouble(), Is.EqualTo(1));
        Assert.That(metric.GetProperty("Skipped").GetDouble(), Is.EqualTo(1));
        Assert.That(metric.GetProperty("Failed").GetDouble(), Is.EqualTo(1));
        Assert.That(metric.GetProperty("StageDuration").GetArrayLength(), Is.EqualTo(3));
    }
}
