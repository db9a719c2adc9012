using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Stages;
using OrderProcessing.Testing.Transport;
using OrderProcessing.Testing.Waiting;
using OrderProcessing.Topology;
using OrderProcessing.Transport.Delivery;
using OrderProcessing.Transport.Dispatch;
using OrderProcessing.Transport.Invocation;
using OrderProcessing.Transport.Queues;

namespace OrderProcessing.Transport.Tests.Dispatch;

/// <summary>A run that drives the dispatcher itself (the reliability tool's), on a clock it moves, with either policy.</summary>
public sealed class DrivenDispatcherTests
{
    private static readonly DispatcherOptions NoDelays = new() { RetryDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.Zero };

    [Test]
    public async Task Drive_UntilNothingIsVisible_DeliversEveryChange()
    {
        var stages = SystemTopology.Stages.ToDictionary(s => s.Name, s => new FakeStageHandler(s.Name), StringComparer.Ordinal);
        using var dispatcher = Create(stages, NoDelays);
        dispatcher.OnChange(Orders.ChangeOf(Orders.At(OrderStatus.Pending, "o-1"), 1));
        dispatcher.OnChange(Orders.ChangeOf(Orders.At(OrderStatus.Paid, "o-2"), 2));

        var batches = await DrainAsync(dispatcher);

        Assert.That(batches, Is.EqualTo(2));
        Assert.That(stages["reserve-inventory"].Messages, Has.Count.EqualTo(1));
        Assert.That(stages["ship-order"].Messages, Has.Count.EqualTo(1));
        Assert.That(dispatcher.RoutedChanges, Is.EquivalentTo(new Dictionary<string, int> { ["reserve-inventory"] = 1, ["ship-order"] = 1 }));
    }

    [Test]
    public async Task Drive_FailedReceive_IsToldWithTheStagesReportedCause()
    {
        var failures = new StageFailureLog();
        var stage = new FakeStageHandler("charge-payment", _ => false)
        {
            OnFailed = m => failures.MessageFailed(new StageFailure("charge-payment", m.MessageId, "o-1", StageFailureKind.Transient, "Transient failure; the message will be retried. (X: gateway timeout)")),
        };
        using var dispatcher = Create(new() { ["charge-payment"] = stage }, NoDelays, failures);
        var told = new List<FailedReceive>();
        dispatcher.ReceiveFailed = told.Add;
        dispatcher.OnChange(Orders.ChangeOf(Orders.At(OrderStatus.Reserved, "o-1"), 1));

        await DrainAsync(dispatcher);

        Assert.That(told.Select(f => f.ReceiveCount), Is.EqualTo(Enumerable.Range(1, SystemTopology.ChargePayment.MaxReceiveCount)));
        Assert.That(told.Select(f => f.Reported?.Kind), Is.All.EqualTo(StageFailureKind.Transient));
        Assert.That(told.Select(f => f.DeadLettered), Is.EqualTo(Enumerable.Range(1, SystemTopology.ChargePayment.MaxReceiveCount).Select(i => i == SystemTopology.ChargePayment.MaxReceiveCount)));
        Assert.That(dispatcher.DeadLetters.Single().Cause, Does.EndWith("(X: gateway timeout)"));
    }

    [Test]
    public async Task Redrive_DeadLetter_IsReceivedAgainWithAFreshReceiveCount()
    {
        var failing = true;
        var stage = new FakeStageHandler("ship-order", _ => !failing);
        using var dispatcher = Create(new() { ["ship-order"] = stage }, NoDelays);
        dispatcher.OnChange(Orders.ChangeOf(Orders.At(OrderStatus.Paid), 1));
        await DrainAsync(dispatcher);
        failing = false;

        var moved = dispatcher.RedriveDeadLetters();
        await DrainAsync(dispatcher);

        Assert.That(moved, Is.EqualTo(1));
        Assert.That(dispatcher.DeadLetters, Is.Empty);
        Assert.That(stage.Messages[^1].ReceiveCount, Is.EqualTo(1));
        Assert.That(dispatcher.Find("ship-order")!.Traffic, Is.EqualTo(new QueueTraffic("ship-order", 1, SystemTopology.ShipOrder.MaxReceiveCount + 1, SystemTopology.ShipOrder.MaxReceiveCount, 1, 1)));
    }

    [Test]
    public async Task Drive_WithTheChaosPolicy_DeliversCopiesThatBecomeVisibleAsItsClockMoves()
    {
        var clock = new FakeTimeProvider();
        var stage = new FakeStageHandler("reserve-inventory");
        var chaos = new ChaosDelivery(new ChaosDeliveryOptions { Seed = 11, MinCopies = 3, MaxCopies = 3 });
        using var dispatcher = new StageDispatcher(SystemTopology.Stages, s => s.Name == stage.Name ? stage : new FakeStageHandler(s.Name), NoDelays, clock, NullLogger<StageDispatcher>.Instance, policy: chaos);
        for (var i = 0; i < 10; i++)
        {
            dispatcher.OnChange(Orders.ChangeOf(Orders.Pending($"o-{i}"), i + 1));
        }

        while (dispatcher.NextVisibleAt is { } next)
        {
            if (next > clock.GetUtcNow())
            {
                clock.SetUtcNow(next);
            }

            await DrainAsync(dispatcher);
        }

        Assert.That(stage.Messages, Has.Count.EqualTo(30));
        Assert.That(stage.Messages.GroupBy(m => m.OrderId).Select(g => g.Count()), Is.All.EqualTo(3));
    }

    private static async Task<int> DrainAsync(StageDispatcher dispatcher)
    {
        var batches = 0;
        while (dispatcher.TryReceive(out var queue, out var batch))
        {
            batches++;
            await dispatcher.DeliverAsync(queue, batch);
        }

        return batches;
    }

    private static StageDispatcher Create(Dictionary<string, FakeStageHandler> stages, DispatcherOptions options, StageFailureLog? failures = null) => new(
        SystemTopology.Stages,
        s => stages.TryGetValue(s.Name, out var h) ? h : new FakeStageHandler(s.Name),
        options,
        TimeProvider.System,
        NullLogger<StageDispatcher>.Instance,
        failures);
}
