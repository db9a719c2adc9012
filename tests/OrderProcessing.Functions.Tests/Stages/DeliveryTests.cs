using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;
using OrderProcessing.Functions.Stages;
using OrderProcessing.Functions.Tests.Support;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Tests.Stages;

/// <summary>At-least-once, any-order delivery: duplicates, stale records, partial failures and poison messages.</summary>
public sealed class DeliveryTests
{
    private TestSystem _system = null!;

    [SetUp]
    public async Task SetUp()
    {
        _system = new TestSystem();
        await _system.SeedProductAsync("sku-1", 9.99m, stock: 10);
    }

    [Test]
    public async Task SameMessageTwice_ReservesStockOnce()
    {
        var orderId = await _system.PlaceOrderAsync();
        var message = new StageEventBuilder().Record(orderId, OrderStatus.Pending, messageId: "m-1");

        await _system.DeliverAsync(SystemTopology.ReserveInventory, message);
        var again = await _system.DeliverAsync(SystemTopology.ReserveInventory, message);

        Assert.That(again, Is.Empty);
        Assert.That(await _system.StockAsync(), Is.EqualTo(new StockLevel(8, 2, 0)));
        Assert.That((await _system.OrderAsync(orderId)).Status, Is.EqualTo(OrderStatus.Reserved));
    }

    [Test]
    public async Task SameMessageTwiceInOneBatch_ChargesOnce()
    {
        var orderId = await _system.PlaceOrderAsync();
        await _system.DeliverAsync(SystemTopology.ReserveInventory, new StageEventBuilder().Record(orderId, OrderStatus.Pending));

        var failed = await _system.DeliverAsync(SystemTopology.ChargePayment, new StageEventBuilder().Record(orderId, OrderStatus.Reserved).Record(orderId, OrderStatus.Reserved));

        Assert.That(failed, Is.Empty);
        Assert.That(_system.Ledger.Records, Has.Count.EqualTo(1));
        Assert.That((await _system.OrderAsync(orderId)).History.Count(h => h.Status == OrderStatus.Paid), Is.EqualTo(1));
    }

    [Test]
    public async Task WholeLifeRedelivered_EveryStageTwice_GivesOneOfEachEffect()
    {
        var orderId = await _system.PlaceOrderAsync();

        foreach (var (stage, status) in new[]
        {
            (SystemTopology.ReserveInventory, OrderStatus.Pending),
            (SystemTopology.ChargePayment, OrderStatus.Reserved),
            (SystemTopology.ShipOrder, OrderStatus.Paid),
            (SystemTopology.GenerateInvoice, OrderStatus.Shipped),
        })
        {
            var message = new StageEventBuilder().Record(orderId, status);
            await _system.DeliverAsync(stage, message);
            await _system.DeliverAsync(stage, message);
        }

        var order = await _system.OrderAsync(orderId);
        Assert.That(order.Status, Is.EqualTo(OrderStatus.Completed));
        Assert.That(order.History.Select(h => h.Status), Is.EqualTo(new[] { OrderStatus.Pending, OrderStatus.Reserved, OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Completed }));
        Assert.That(await _system.StockAsync(), Is.EqualTo(new StockLevel(8, 0, 2)));
        Assert.That(_system.Ledger.Records, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task StaleRecord_ArrivingAfterTheOrderMovedOn_ChangesNothing()
    {
        var orderId = await _system.PlaceOrderAsync();
        await _system.RunPipelineAsync(orderId);
        var before = await _system.OrderAsync(orderId);

        var failed = await _system.DeliverAsync(SystemTopology.ReserveInventory, new StageEventBuilder().Record(orderId, OrderStatus.Pending));

        var after = await _system.OrderAsync(orderId);
        Assert.That(failed, Is.Empty);
        Assert.That(after.Version, Is.EqualTo(before.Version));
        Assert.That(await _system.StockAsync(), Is.EqualTo(new StockLevel(8, 0, 2)));
    }

    [Test]
    public async Task ReserveRecord_ArrivingAfterTheOrderWasCancelled_LeavesNoStockHeld()
    {
        var orderId = await _system.PlaceOrderAsync();
        await _system.SendAsync(ApiEventBuilder.Post($"/orders/{orderId}/cancel"));
        await _system.DeliverAsync(SystemTopology.Compensate, new StageEventBuilder().Record(orderId, OrderStatus.Cancelled, OrderStatus.Pending));

        var failed = await _system.DeliverAsync(SystemTopology.ReserveInventory, new StageEventBuilder().Record(orderId, OrderStatus.Pending));

        Assert.That(failed, Is.Empty);
        Assert.That((await _system.OrderAsync(orderId)).Status, Is.EqualTo(OrderStatus.Cancelled));
        Assert.That(await _system.StockAsync(), Is.EqualTo(new StockLevel(10, 0, 0)));
    }

    [Test]
    public async Task ChargeRecord_ArrivingBeforeReservation_DoesNotCharge()
    {
        var orderId = await _system.PlaceOrderAsync();

        var failed = await _system.DeliverAsync(SystemTopology.ChargePayment, new StageEventBuilder().Record(orderId, OrderStatus.Reserved));

        Assert.That(failed, Is.Empty);
        Assert.That(_system.Ledger.Records, Is.Empty);
        Assert.That((await _system.OrderAsync(orderId)).Status, Is.EqualTo(OrderStatus.Pending));
    }

    [Test]
    public async Task CompensateRecords_ForTheSameCancellationTwice_RefundOnce()
    {
        var orderId = await _system.PlaceOrderAsync();
        await _system.DeliverAsync(SystemTopology.ReserveInventory, new StageEventBuilder().Record(orderId, OrderStatus.Pending));
        await _system.DeliverAsync(SystemTopology.ChargePayment, new StageEventBuilder().Record(orderId, OrderStatus.Reserved));
        await _system.SendAsync(ApiEventBuilder.Post($"/orders/{orderId}/cancel"));
        var message = new StageEventBuilder().Record(orderId, OrderStatus.Cancelled, OrderStatus.Paid);

        await _system.DeliverAsync(SystemTopology.Compensate, message);
        await _system.DeliverAsync(SystemTopology.Compensate, message);

        Assert.That(_system.Ledger.Records.Single().Status, Is.EqualTo(PaymentStatus.Refunded));
        Assert.That(await _system.StockAsync(), Is.EqualTo(new StockLevel(10, 0, 0)));
    }

    [Test]
    public async Task OneBadRecordAmongGoodOnes_OnlyItIsReported_AndTheOthersAreProcessed()
    {
        var first = await _system.PlaceOrderAsync();
        var second = await _system.PlaceOrderAsync();
        var batch = new StageEventBuilder()
            .Record(first, OrderStatus.Pending, messageId: "good-1")
            .Raw("{\"not\":\"a stream record\"}", messageId: "bad-1")
            .Record(second, OrderStatus.Pending, messageId: "good-2");

        var failed = await _system.DeliverAsync(SystemTopology.ReserveInventory, batch);

        Assert.That(failed, Is.EqualTo(new[] { "bad-1" }));
        Assert.That((await _system.OrderAsync(first)).Status, Is.EqualTo(OrderStatus.Reserved));
        Assert.That((await _system.OrderAsync(second)).Status, Is.EqualTo(OrderStatus.Reserved));
    }

    [Test]
    public async Task UnexpectedExceptionForOneOrder_ReportsOnlyItsMessage_AndLogsTheCause()
    {
        var healthy = await _system.PlaceOrderAsync();
        var broken = await _system.PlaceOrderAsync();
        _system.Orders.Failure = id => id == broken ? new InvalidOperationException("disk on fire") : null;

        var failed = await _system.DeliverAsync(SystemTopology.ReserveInventory, new StageEventBuilder()
            .Record(broken, OrderStatus.Pending, messageId: "broken")
            .Record(healthy, OrderStatus.Pending, messageId: "healthy"));

        Assert.That(failed, Is.EqualTo(new[] { "broken" }));
        Assert.That((await _system.OrderAsync(healthy)).Status, Is.EqualTo(OrderStatus.Reserved));
        var error = _system.OutputLines.Single(l => l.TryGetProperty("cause", out var c) && c.GetString() == "unexpected");
        Assert.That(error.GetProperty("level").GetString(), Is.EqualTo("ERROR"));
        Assert.That(error.GetProperty("orderId").GetString(), Is.EqualTo(broken));
        Assert.That(error.GetProperty("errorMessage").GetString(), Is.EqualTo("disk on fire"));
        var reported = _system.Failures.Failures.Single();
        Assert.That((reported.Stage, reported.MessageId, reported.OrderId, reported.Kind), Is.EqualTo((SystemTopology.ReserveInventory.Name, "broken", broken, StageFailureKind.Unexpected)));
        Assert.That(reported.Cause, Does.Contain("InvalidOperationException: disk on fire"));
    }

    [Test]
    public async Task TransientFailure_IsReportedThroughTheHook_WithItsKind()
    {
        var orderId = await _system.PlaceOrderAsync();
        _system.Orders.Failure = _ => new TransientFailureException("throttled");

        var failed = await _system.DeliverAsync(SystemTopology.ReserveInventory, new StageEventBuilder().Record(orderId, OrderStatus.Pending, messageId: "m-7"));

        Assert.That(failed, Is.EqualTo(new[] { "m-7" }));
        var reported = _system.Failures.Failures.Single();
        Assert.That((reported.MessageId, reported.OrderId, reported.Kind), Is.EqualTo(("m-7", orderId, StageFailureKind.Transient)));
        Assert.That(reported.Cause, Does.Contain("throttled"));
    }

    [Test]
    public async Task ReportedCause_MasksTokensAndEmails_AsTheLogLineDoes()
    {
        var orderId = await _system.PlaceOrderAsync();
        _system.Orders.Failure = _ => new TransientFailureException("gateway timed out for tok_flaky of jane@example.com");

        await _system.DeliverAsync(SystemTopology.ReserveInventory, new StageEventBuilder().Record(orderId, OrderStatus.Pending, messageId: "m-8"));

        var cause = _system.Failures.Failures.Single().Cause;
        Assert.That(cause, Does.Not.Contain("tok_flaky").And.Not.Contain("jane@example.com"));
        Assert.That(cause, Does.Contain("tok_***").And.Contain("gateway timed out"));
    }

    [TestCase("", TestName = "EmptyBody_IsReportedAsPoison")]
    [TestCase("not json at all", TestName = "NonJsonBody_IsReportedAsPoison")]
    [TestCase("null", TestName = "NullBody_IsReportedAsPoison")]
    [TestCase("[]", TestName = "ArrayBody_IsReportedAsPoison")]
    [TestCase("{\"eventName\":\"MODIFY\",\"dynamodb\":{\"Keys\":{\"orderId\":{\"S\":\"ord_1\"}}}}", TestName = "StreamRecordInsteadOfEnvelope_IsReportedAsPoison")]
    [TestCase("{\"eventType\":\"order_created\",\"orderId\":7,\"status\":\"PENDING\",\"occurredAt\":\"2024-03-12T18:30:41.0000000Z\",\"version\":\"1\",\"sequenceNumber\":\"1\"}", TestName = "EnvelopeWithANumericOrderId_IsReportedAsPoison")]
    [TestCase("{\"eventType\":\"order_created\",\"status\":\"PENDING\",\"occurredAt\":\"2024-03-12T18:30:41.0000000Z\",\"version\":\"1\",\"sequenceNumber\":\"1\"}", TestName = "EnvelopeWithoutOrderId_IsReportedAsPoison")]
    [TestCase("{\"eventType\":\"order_created\",\"orderId\":\"ord_1\",\"occurredAt\":\"2024-03-12T18:30:41.0000000Z\",\"version\":\"1\",\"sequenceNumber\":\"1\"}", TestName = "EnvelopeWithoutStatus_IsReportedAsPoison")]
    [TestCase("{\"eventType\":\"order_created\",\"orderId\":\"ord_1\",\"status\":\"PENDING\",\"occurredAt\":\"2024-03-12T18:30:41.0000000Z\",\"version\":\"1\",\"sequenceNumber\":\"\"}", TestName = "EnvelopeWithAnEmptySequenceNumber_IsReportedAsPoison")]
    public async Task PoisonMessage(string body)
    {
        var failed = await _system.DeliverAsync(SystemTopology.ReserveInventory, new StageEventBuilder().Raw(body, messageId: "poison-1", receiveCount: 5));

        Assert.That(failed, Is.EqualTo(new[] { "poison-1" }));
        var error = _system.OutputLines.Single(l => l.TryGetProperty("cause", out var c) && c.GetString() == "poison");
        Assert.That(error.GetProperty("level").GetString(), Is.EqualTo("ERROR"));
        Assert.That(error.GetProperty("requestId").GetString(), Is.EqualTo("poison-1"));
        Assert.That(error.GetProperty("lastAttempt").GetBoolean(), Is.True);
        Assert.That(_system.Failures.Failures.Single(), Has.Property(nameof(StageFailure.Kind)).EqualTo(StageFailureKind.Poison).And.Property(nameof(StageFailure.MessageId)).EqualTo("poison-1"));
    }

    [Test]
    public async Task RecordForADeletedOrder_IsSkipped()
    {
        var failed = await _system.DeliverAsync(SystemTopology.ShipOrder, new StageEventBuilder().Record("ord_gone", OrderStatus.Paid));

        Assert.That(failed, Is.Empty);
    }

    [Test]
    public async Task MisroutedRecord_IsHarmless_AndWarned()
    {
        var orderId = await _system.PlaceOrderAsync();

        var failed = await _system.DeliverAsync(SystemTopology.ShipOrder, new StageEventBuilder().Record(orderId, OrderStatus.Pending));

        Assert.That(failed, Is.Empty);
        Assert.That((await _system.OrderAsync(orderId)).Status, Is.EqualTo(OrderStatus.Pending));
        Assert.That(_system.Logs.Any(l => l.GetProperty("level").GetString() == "WARN" && l.GetProperty("message").GetString()!.Contains("not this stage", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public void AnInvocationThatIsNotAnSqsEvent_FailsSoTheBatchIsRetried()
    {
        Assert.ThrowsAsync<System.Text.Json.JsonException>(() => _system.Stages[SystemTopology.ShipOrder.Name](new MemoryStream("not json"u8.ToArray())));
        Assert.ThrowsAsync<InvalidDataException>(() => _system.Stages[SystemTopology.ShipOrder.Name](new MemoryStream("{\"detail\":{}}"u8.ToArray())));
    }

    [Test]
    public async Task EmptyBatch_ReportsNoFailures()
    {
        var failed = await _system.DeliverAsync(SystemTopology.ShipOrder, new StageEventBuilder());

        Assert.That(failed, Is.Empty);
    }

    [Test]
    public async Task BatchResponse_IsTheDocumentedJson()
    {
        var stage = _system.Stages[SystemTopology.ReserveInventory.Name];

        await using var output = await stage(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(new StageEventBuilder().Raw("x", messageId: "id-1").Build())));
        using var reader = new StreamReader(output);

        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"id-1\"}]}"));
    }
}
