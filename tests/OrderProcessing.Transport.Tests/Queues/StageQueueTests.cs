using Microsoft.Extensions.Time.Testing;
using OrderProcessing.Testing.Transport;
using OrderProcessing.Testing.Waiting;
using OrderProcessing.Topology;
using OrderProcessing.Transport.Delivery;
using OrderProcessing.Transport.Dispatch;
using OrderProcessing.Transport.Events;
using OrderProcessing.Transport.Queues;

namespace OrderProcessing.Transport.Tests.Queues;

/// <summary>One stage queue's SQS semantics, on a clock the test moves.</summary>
public sealed class StageQueueTests
{
    private static readonly DispatcherOptions Options = new() { RetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(5) };

    private static readonly InOrderDelivery Policy = new(Options);

    [Test]
    public void Receive_WithMessagesWaiting_HandsOutAtMostTheBatchSizeOldestFirstAndCountsTheReceive()
    {
        var queue = new StageQueue(SystemTopology.ReserveInventory with { BatchSize = 3 }, Policy, new FakeTimeProvider());
        var ids = Enumerable.Range(0, 5).Select(i => queue.Send($"m{i}")).ToList();

        var first = queue.Receive();
        var second = queue.Receive();

        Assert.That(first.Select(m => m.MessageId), Is.EqualTo(ids.Take(3)));
        Assert.That(second.Select(m => m.MessageId), Is.EqualTo(ids.Skip(3)));
        Assert.That(first.Concat(second).Select(m => m.ReceiveCount), Has.All.EqualTo(1));
        Assert.That(queue.Receive(), Is.Empty, "messages in flight are not handed out twice");
        Assert.That(queue.Counts.InFlight, Is.EqualTo(5));
    }

    [Test]
    public void Fail_Message_StaysInvisibleForADelayThatDoublesPerReceiveUpToTheMaximum()
    {
        var clock = new FakeTimeProvider();
        var queue = new StageQueue(SystemTopology.ChargePayment with { MaxReceiveCount = 10 }, Policy, clock);
        var id = queue.Send("m");
        var delays = new List<TimeSpan>();

        for (var receive = 1; receive <= 5; receive++)
        {
            var message = queue.Receive().Single();
            Assert.That(message.ReceiveCount, Is.EqualTo(receive));
            var outcome = queue.Fail(id, "boom");
            delays.Add(outcome.RetryIn!.Value);

            clock.Advance(outcome.RetryIn.Value - TimeSpan.FromMilliseconds(1));
            Assert.That(queue.Receive(), Is.Empty, "still invisible just before its delay ends");
            Assert.That(queue.Counts.Delayed, Is.EqualTo(1));
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.That(delays.Select(d => d.TotalSeconds), Is.EqualTo(new[] { 1, 2, 4, 5, 5 }));
    }

    [Test]
    public void Fail_OnTheLastAllowedReceive_MovesToTheDeadLetterListWithEveryCause()
    {
        var clock = new FakeTimeProvider();
        var stage = SystemTopology.GenerateInvoice;
        var queue = new StageQueue(stage, Policy, clock);
        var id = queue.Send("poison");

        FailureOutcome? outcome = null;
        for (var receive = 1; receive <= stage.MaxReceiveCount; receive++)
        {
            clock.Advance(Options.MaxRetryDelay);
            Assert.That(queue.Receive().Single().MessageId, Is.EqualTo(id));
            outcome = queue.Fail(id, $"cause {receive}");
        }

        Assert.That(outcome!.DeadLettered, Is.True);
        Assert.That(outcome.ReceiveCount, Is.EqualTo(stage.MaxReceiveCount));
        clock.Advance(Options.MaxRetryDelay);
        Assert.That(queue.Receive(), Is.Empty);
        var dead = queue.DeadLetters.Single();
        Assert.That(dead.Body, Is.EqualTo("poison"));
        Assert.That(dead.Cause, Is.EqualTo($"cause {stage.MaxReceiveCount}"));
        Assert.That(dead.Failures, Is.EqualTo(Enumerable.Range(1, stage.MaxReceiveCount).Select(i => $"receive {i}: cause {i}")));
        Assert.That(queue.Counts, Is.EqualTo(new QueueCounts(stage.Name, 0, 0, 0, 1, 0)));
    }

    [Test]
    public void Delete_Message_IsNeverReceivedAgain()
    {
        var clock = new FakeTimeProvider();
        var queue = new StageQueue(SystemTopology.ShipOrder, Policy, clock);
        var id = queue.Send("m");

        queue.Receive();
        queue.Delete(id);
        clock.Advance(TimeSpan.FromHours(1));

        Assert.That(queue.Receive(), Is.Empty);
        Assert.That(queue.Counts.Delivered, Is.EqualTo(1));
        Assert.That(() => queue.Delete(id), Throws.InvalidOperationException);
    }

    [Test]
    public async Task WaitForVisible_DelayedMessage_EndsWhenItBecomesVisible()
    {
        var clock = new FakeTimeProvider();
        var queue = new StageQueue(SystemTopology.ShipOrder, Policy, clock);
        var id = queue.Send("m");
        queue.Receive();
        queue.Fail(id, "boom");

        var waiting = queue.WaitForVisibleAsync(CancellationToken.None);
        await Task.Delay(50);
        var endedEarly = waiting.IsCompleted;
        clock.Advance(Options.RetryDelay);
        await waiting.WaitAsync(Eventually.Limit);

        Assert.That(endedEarly, Is.False);
        Assert.That(queue.Receive().Single().ReceiveCount, Is.EqualTo(2));
    }

    [Test]
    public async Task WaitForVisible_MessageArrivesOrCancelled_EndsOrThrows()
    {
        var queue = new StageQueue(SystemTopology.ShipOrder, Policy, new FakeTimeProvider());

        var waiting = queue.WaitForVisibleAsync(CancellationToken.None);
        queue.Send("m");
        await waiting.WaitAsync(Eventually.Limit);

        queue.Receive();
        using var cancel = new CancellationTokenSource();
        var idle = queue.WaitForVisibleAsync(cancel.Token);
        await cancel.CancelAsync();
        Assert.That(async () => await idle, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void Send_WithADeliveryDelay_IsInvisibleUntilTheDelayEnds()
    {
        var clock = new FakeTimeProvider();
        var queue = new StageQueue(SystemTopology.ShipOrder, Policy, clock);

        queue.Send("m", TimeSpan.FromSeconds(2));
        var early = queue.Receive();
        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.That(early, Is.Empty);
        Assert.That(queue.Receive().Single().Body, Is.EqualTo("m"));
    }

    [Test]
    public async Task Pause_Queue_HandsOutNothingAndWaitingEndsOnlyWhenItResumes()
    {
        var queue = new StageQueue(SystemTopology.ShipOrder, Policy, new FakeTimeProvider());
        queue.Send("m");
        queue.Pause();

        var waiting = queue.WaitForVisibleAsync(CancellationToken.None);
        var whilePaused = queue.Receive();
        await Task.Delay(50);
        var endedWhilePaused = waiting.IsCompleted;
        queue.Resume();
        await waiting.WaitAsync(Eventually.Limit);

        Assert.That(whilePaused, Is.Empty);
        Assert.That(endedWhilePaused, Is.False);
        Assert.That(queue.Counts.Paused, Is.False);
        Assert.That(queue.Receive().Single().Body, Is.EqualTo("m"));
    }

    [Test]
    public void Queues_ForTheTopology_ExistOnlyForStageFunctions()
    {
        Assert.That(() => new StageQueue(SystemTopology.Api, Policy, TimeProvider.System), Throws.ArgumentException);
    }

    [Test]
    public void RedriveOne_DeadLetter_MovesOnlyThatOneBackWithAFreshReceiveCount()
    {
        var clock = new FakeTimeProvider();
        var stage = SystemTopology.ShipOrder with { MaxReceiveCount = 1, BatchSize = 10 };
        var queue = new StageQueue(stage, Policy, clock);
        var first = queue.Send("a");
        var second = queue.Send("b");
        foreach (var message in queue.Receive())
        {
            queue.Fail(message.MessageId, "broken");
        }

        Assert.That(queue.Redrive(first), Is.True);
        Assert.That(queue.Redrive(first), Is.False, "a letter moves once");
        Assert.That(queue.DeadLetters.Select(d => d.MessageId), Is.EqualTo(new[] { second }));
        var again = queue.Receive().Single();
        Assert.That((again.MessageId, again.ReceiveCount), Is.EqualTo((first, 1)));
    }

    [Test]
    public void DeleteDeadLetter_KnownAndUnknownIds_RemovesOnlyTheKnownOne()
    {
        var clock = new FakeTimeProvider();
        var queue = new StageQueue(SystemTopology.ShipOrder with { MaxReceiveCount = 1 }, Policy, clock);
        var id = queue.Send("a");
        queue.Fail(queue.Receive().Single().MessageId, "broken");

        Assert.That(queue.DeleteDeadLetter("nope"), Is.False);
        Assert.That(queue.DeleteDeadLetter(id), Is.True);
        Assert.That(queue.DeadLetters, Is.Empty);
        Assert.That(queue.Counts.Pending, Is.Zero);
    }
}
