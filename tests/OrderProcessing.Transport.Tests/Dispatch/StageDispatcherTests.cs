using Microsoft.Extensions.Logging.Abstractions;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Stages;
using OrderProcessing.Testing.Orders;
using OrderProcessing.Testing.Transport;
using OrderProcessing.Testing.Waiting;
using OrderProcessing.Topology;
using OrderProcessing.Transport.ChangeFeed;
using OrderProcessing.Transport.Delivery;
using OrderProcessing.Transport.Dispatch;
using OrderProcessing.Transport.Events;
using OrderProcessing.Transport.Invocation;
using OrderProcessing.Transport.Queues;

namespace OrderProcessing.Transport.Tests.Dispatch;

/// <summary>The in-process pipeline: routing of transitions (never same-status writes) by the topology's routing table, SQS-shaped batches, retries and dead letters, clean stops.</summary>
public sealed class StageDispatcherTests
{
    private static readonly DispatcherOptions FastRetries = new() { RetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(5) };

    private static readonly object[] Routes =
    [
        new object?[] { OrderStatus.Pending, "reserve-inventory" },
        new object?[] { OrderStatus.Reserved, "charge-payment" },
        new object?[] { OrderStatus.Paid, "ship-order" },
        new object?[] { OrderStatus.Shipped, "generate-invoice" },
        new object?[] { OrderStatus.Cancelled, "compensate" },
        new object?[] { OrderStatus.Completed, null },
        new object?[] { OrderStatus.OutOfStock, null },
        new object?[] { OrderStatus.PaymentFailed, null },
    ];

    [TestCaseSource(nameof(Routes))]
    public void Change_ToAStatusAStageTriggersOn_IsQueuedForThatStage(OrderStatus status, string? expectedStage)
    {
        using var dispatcher = Create(new Dictionary<string, FakeStageHandler>());

        dispatcher.OnChange(Orders.ChangeOf(Orders.At(status)));

        var queued = dispatcher.Queues.Where(q => q.Counts.Visible > 0).Select(q => q.Name).ToList();
        Assert.That(queued, expectedStage is null ? Is.Empty : Is.EqualTo(new[] { expectedStage }));
    }

    [Test]
    public void Queues_EveryTopologyStage_HasOneWithItsBatchSizeAndReceiveLimit()
    {
        using var dispatcher = Create(new Dictionary<string, FakeStageHandler>());

        Assert.That(dispatcher.Queues.Select(q => q.Stage), Is.EqualTo(SystemTopology.Stages));
    }

    [Test]
    public void Removal_Dispatched_IsQueuedNowhere()
    {
        using var dispatcher = Create(new Dictionary<string, FakeStageHandler>());
        var order = Orders.At(OrderStatus.Pending);

        dispatcher.OnChange(new OrderChange(OrderChangeKind.Remove, order.OrderId, order.ToSnapshot(), null, 1, order.UpdatedAt));

        Assert.That(dispatcher.Queues.Sum(q => q.Counts.Pending), Is.Zero);
    }

    [TestCase(OrderStatus.Pending)]
    [TestCase(OrderStatus.Reserved)]
    [TestCase(OrderStatus.Paid)]
    [TestCase(OrderStatus.Shipped)]
    [TestCase(OrderStatus.Cancelled)]
    public void SameStatusWrite_Dispatched_IsQueuedNowhere(OrderStatus status)
    {
        using var dispatcher = Create(new Dictionary<string, FakeStageHandler>());
        var order = Orders.At(status);
        var rewritten = SameStatusWrite.Of(order);

        dispatcher.OnChange(new OrderChange(OrderChangeKind.Modify, order.OrderId, order.ToSnapshot(), rewritten.ToSnapshot(), 2, rewritten.UpdatedAt));

        Assert.That(dispatcher.Queues.Sum(q => q.Counts.Pending), Is.Zero);
        Assert.That(dispatcher.UnroutedChanges, Is.EqualTo(1));
        Assert.That(dispatcher.RoutedChanges.Values.Sum(), Is.Zero);
    }

    [TestCase(OrderStatus.Pending, "reserve-inventory", true)]
    [TestCase(OrderStatus.Reserved, "charge-payment", false)]
    [TestCase(OrderStatus.Shipped, "generate-invoice", true)]
    [TestCase(OrderStatus.Completed, null, true)]
    public void Transition_WithTheMailSubscriber_IsQueuedForItsStageAndForTheMailWhenItListens(OrderStatus status, string? stage, bool mailed)
    {
        using var dispatcher = new StageDispatcher(SystemTopology.QueueFunctions, s => new FakeStageHandler(s.Name), FastRetries, TimeProvider.System, NullLogger<StageDispatcher>.Instance);

        dispatcher.OnChange(Orders.ChangeOf(Orders.At(status), 1));

        var expected = new[] { stage, mailed ? SystemTopology.NotifyCustomer.Name : null }.OfType<string>();
        Assert.That(dispatcher.Queues.Where(q => q.Counts.Visible > 0).Select(q => q.Name), Is.EqualTo(expected));
    }

    [Test]
    public void TransitionAfterASameStatusWrite_Dispatched_IsQueuedForTheNextStage()
    {
        using var dispatcher = Create(new Dictionary<string, FakeStageHandler>());
        var rewritten = SameStatusWrite.Of(Orders.Pending());
        rewritten.MarkReserved(rewritten.UpdatedAt.AddMinutes(1));

        dispatcher.OnChange(Orders.ChangeOf(rewritten, 3));

        Assert.That(dispatcher.Queues.Where(q => q.Counts.Visible > 0).Select(q => q.Name), Is.EqualTo(new[] { "charge-payment" }));
    }

    [Test]
    public async Task Messages_Delivered_ReachTheStageInBatchesOfAtMostItsBatchSize()
    {
        var stage = new FakeStageHandler("reserve-inventory");
        using var dispatcher = Create(new() { ["reserve-inventory"] = stage });
        for (var i = 0; i < 25; i++)
        {
            dispatcher.OnChange(Orders.ChangeOf(Orders.Pending($"o-{i}"), i + 1));
        }

        await dispatcher.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => stage.Messages.Count == 25, "every message is delivered");
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.That(stage.Batches.Select(b => b.Count), Is.EqualTo(new[] { 10, 10, 5 }));
        Assert.That(SystemTopology.ReserveInventory.BatchSize, Is.EqualTo(10));
        Assert.That(stage.Messages.Select(m => m.OrderId), Is.EquivalentTo(Enumerable.Range(0, 25).Select(i => $"o-{i}")));
    }

    [Test]
    public async Task Batch_Delivered_IsAnSqsEventOfTheStageQueueWithTheEnvelopeAsBody()
    {
        var stage = new FakeStageHandler("charge-payment");
        using var dispatcher = Create(new() { ["charge-payment"] = stage });
        dispatcher.OnChange(Orders.ChangeOf(Orders.At(OrderStatus.Reserved, "o-7"), 42));

        await dispatcher.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => stage.Messages.Count == 1, "the message is delivered");
        await dispatcher.StopAsync(CancellationToken.None);

        var message = stage.Messages.Single();
        Assert.That(message.EventSource, Is.EqualTo("aws:sqs"));
        Assert.That(message.EventSourceArn, Is.EqualTo("arn:aws:sqs:us-east-1:000000000000:orderprocessing-local-charge-payment"));
        Assert.That(message.Body, Is.EqualTo(OrderEventEnvelopes.ToJson(OrderEventEnvelopes.Of(Orders.At(OrderStatus.Reserved, "o-7").LastEvent, 42))));
        Assert.That(message.ReceiveCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Message_ReportedFailed_IsReceivedAgainAndTheOthersAreNot()
    {
        var failedOnce = 0;
        var stage = new FakeStageHandler("reserve-inventory", m => m.OrderId != "o-bad" || Interlocked.Increment(ref failedOnce) > 1);
        using var dispatcher = Create(new() { ["reserve-inventory"] = stage });
        dispatcher.OnChange(Orders.ChangeOf(Orders.Pending("o-good"), 1));
        dispatcher.OnChange(Orders.ChangeOf(Orders.Pending("o-bad"), 2));

        await dispatcher.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => dispatcher.Queues[0].Counts is { Pending: 0, Delivered: 2 }, "both messages are done");
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.That(stage.Messages.Where(m => m.OrderId == "o-good").Select(m => m.ReceiveCount), Is.EqualTo(new[] { 1 }));
        Assert.That(stage.Messages.Where(m => m.OrderId == "o-bad").Select(m => m.ReceiveCount), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(dispatcher.DeadLetters, Is.Empty);
    }

    [Test]
    public async Task Message_KeepsFailing_IsReceivedExactlyTheReceiveLimitThenDeadLetteredWithItsCauses()
    {
        var stage = new FakeStageHandler("ship-order", m => m.OrderId != "o-poison");
        using var dispatcher = Create(new() { ["ship-order"] = stage });
        dispatcher.OnChange(Orders.ChangeOf(Orders.At(OrderStatus.Paid, "o-poison"), 1));
        dispatcher.OnChange(Orders.ChangeOf(Orders.At(OrderStatus.Paid, "o-fine"), 2));

        await dispatcher.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => dispatcher.DeadLetters.Count == 1, "the poison message is dead-lettered");
        await dispatcher.StopAsync(CancellationToken.None);

        var limit = SystemTopology.ShipOrder.MaxReceiveCount;
        var poison = stage.Messages.Where(m => m.OrderId == "o-poison").ToList();
        Assert.That(poison.Select(m => m.ReceiveCount), Is.EqualTo(Enumerable.Range(1, limit)));
        var dead = dispatcher.DeadLetters.Single();
        Assert.That(dead.Stage, Is.EqualTo("ship-order"));
        Assert.That(dead.Body, Is.EqualTo(poison[0].Body));
        Assert.That(dead.ReceiveCount, Is.EqualTo(limit));
        Assert.That(dead.Cause, Does.Contain("batchItemFailures"));
        Assert.That(dead.Failures, Has.Count.EqualTo(limit));
        Assert.That(dispatcher.Find("ship-order")!.Counts is { Pending: 0, Delivered: 1, DeadLetters: 1 }, Is.True);
    }

    [Test]
    public async Task DeadLetter_OfAMessageTheStageFailed_KeepsTheCauseTheStageReported()
    {
        var failures = new StageFailureLog();
        var stage = new FakeStageHandler("reserve-inventory", _ => false)
        {
            OnFailed = m => failures.MessageFailed(new StageFailure("reserve-inventory", m.MessageId, null, StageFailureKind.Poison, "Unreadable message: no orderId")),
        };
        using var dispatcher = new StageDispatcher(
            [SystemTopology.ReserveInventory with { MaxReceiveCount = 1 }], _ => stage, FastRetries, TimeProvider.System, NullLogger<StageDispatcher>.Instance, failures);
        dispatcher.OnChange(Orders.ChangeOf(Orders.Pending(), 1));

        await dispatcher.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => dispatcher.DeadLetters.Count == 1, "the message is dead-lettered");
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.That(dispatcher.DeadLetters.Single().Cause, Is.EqualTo("reserve-inventory reported it in batchItemFailures: Unreadable message: no orderId"));
    }

    [Test]
    public async Task Stage_Throws_FailsTheWholeBatchWithACauseNamingTheError()
    {
        var stage = new FakeStageHandler("compensate") { Throws = new InvalidOperationException("payments table unreachable") };
        using var dispatcher = Create(new() { ["compensate"] = stage });
        dispatcher.OnChange(Orders.ChangeOf(Orders.At(OrderStatus.Cancelled, "o-1"), 1));
        dispatcher.OnChange(Orders.ChangeOf(Orders.At(OrderStatus.Cancelled, "o-2"), 2));

        await dispatcher.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => dispatcher.DeadLetters.Count == 2, "both messages are dead-lettered");
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.That(dispatcher.DeadLetters.Select(d => d.Cause), Has.All.Contains("InvalidOperationException: payments table unreachable"));
        Assert.That(stage.Messages, Has.Count.EqualTo(2 * SystemTopology.Compensate.MaxReceiveCount));
    }

    [Test]
    public async Task Response_NamingAMessageNotInTheBatch_FailsTheWholeBatch()
    {
        var stage = new UnknownFailureStage();
        using var dispatcher = new StageDispatcher(
            [SystemTopology.GenerateInvoice with { MaxReceiveCount = 1 }], _ => stage, FastRetries, TimeProvider.System, NullLogger<StageDispatcher>.Instance);
        dispatcher.OnChange(Orders.ChangeOf(Orders.At(OrderStatus.Shipped), 1));

        await dispatcher.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => dispatcher.DeadLetters.Count == 1, "the message is dead-lettered");
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.That(dispatcher.DeadLetters.Single().Cause, Does.Contain("invalid batch response"));
    }

    [Test]
    public async Task Stage_RunningPastItsTimeout_FailsTheBatch()
    {
        var stage = new FakeStageHandler("reserve-inventory") { Hangs = true };
        using var dispatcher = new StageDispatcher(
            [SystemTopology.ReserveInventory with { TimeoutSeconds = 1, MaxReceiveCount = 1 }], _ => stage, FastRetries, TimeProvider.System, NullLogger<StageDispatcher>.Instance);
        dispatcher.OnChange(Orders.ChangeOf(Orders.Pending(), 1));

        await dispatcher.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => dispatcher.DeadLetters.Count == 1, "the message is dead-lettered");
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.That(dispatcher.DeadLetters.Single().Cause, Does.Contain("timed out after 1 s"));
    }

    [Test]
    public async Task Stop_WithABatchInFlight_LetsItFinishAndSettleAndStartsNoOther()
    {
        var stage = new FakeStageHandler("reserve-inventory") { Gate = new(TaskCreationOptions.RunContinuationsAsynchronously) };
        using var dispatcher = Create(new() { ["reserve-inventory"] = stage });
        var queue = dispatcher.Find("reserve-inventory")!;
        dispatcher.OnChange(Orders.ChangeOf(Orders.Pending("o-in-flight"), 1));
        await dispatcher.StartAsync(CancellationToken.None);
        await stage.Entered.Task.WaitAsync(Eventually.Limit);
        dispatcher.OnChange(Orders.ChangeOf(Orders.Pending("o-later-1"), 2));
        dispatcher.OnChange(Orders.ChangeOf(Orders.Pending("o-later-2"), 3));

        var stopping = dispatcher.StopAsync(CancellationToken.None);
        var stoppedBeforeTheBatchFinished = stopping.IsCompleted;
        stage.Gate!.SetResult();
        await stopping;

        Assert.That(stoppedBeforeTheBatchFinished, Is.False);
        Assert.That(dispatcher.StoppedCleanly, Is.True);
        Assert.That(stage.Batches, Has.Count.EqualTo(1), "no batch starts once stopping has begun");
        Assert.That(queue.Counts, Is.EqualTo(new QueueCounts("reserve-inventory", Visible: 2, Delayed: 0, InFlight: 0, DeadLetters: 0, Delivered: 1)));
    }

    [Test]
    public async Task Stop_WhileABatchFails_PutsItBackOnItsQueueNotLost()
    {
        var stage = new FakeStageHandler("reserve-inventory", _ => false) { Gate = new(TaskCreationOptions.RunContinuationsAsynchronously) };
        using var dispatcher = Create(new() { ["reserve-inventory"] = stage });
        var queue = dispatcher.Find("reserve-inventory")!;
        dispatcher.OnChange(Orders.ChangeOf(Orders.Pending(), 1));
        await dispatcher.StartAsync(CancellationToken.None);
        await stage.Entered.Task.WaitAsync(Eventually.Limit);

        var stopping = dispatcher.StopAsync(CancellationToken.None);
        stage.Gate!.SetResult();
        await stopping;

        Assert.That(queue.Counts.InFlight, Is.Zero);
        Assert.That(queue.Counts.Pending, Is.EqualTo(1));
        Assert.That(queue.DeadLetters, Is.Empty);
    }

    private static StageDispatcher Create(Dictionary<string, FakeStageHandler> stages) => new(
        SystemTopology.Stages,
        s => stages.TryGetValue(s.Name, out var h) ? h : new FakeStageHandler(s.Name),
        FastRetries,
        TimeProvider.System,
        NullLogger<StageDispatcher>.Instance);

    private sealed class UnknownFailureStage : IFunctionHandler
    {
        public string Name => "generate-invoice";

        public Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken) =>
            Task.FromResult<Stream>(new MemoryStream("{\"batchItemFailures\":[{\"itemIdentifier\":\"not-in-the-batch\"}]}"u8.ToArray()));
    }
}
