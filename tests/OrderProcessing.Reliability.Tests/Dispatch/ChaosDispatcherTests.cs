using OrderProcessing.Core.Orders;
using OrderProcessing.Topology;
using OrderProcessing.Reliability.Dispatch;
using OrderProcessing.Reliability.Feed;

namespace OrderProcessing.Reliability.Tests.Dispatch;

/// <summary>The chaos dispatcher is a faithful, hostile SQS: routes by the topology, duplicates, limits receives, keeps dead letters.</summary>
public sealed class ChaosDispatcherTests
{
    [Test]
    public async Task EveryStatus_IsRoutedToTheStageTheTopologyNames()
    {
        var invoker = new RecordingInvoker();
        var dispatcher = new ChaosDispatcher(invoker, new DispatcherOptions { MinCopies = 1, MaxCopies = 1 });
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            dispatcher.OnChange(new OrderChange($"ord-{status}", status, null, 1, "order_updated"));
        }

        await dispatcher.DrainAsync();

        var expected = Enum.GetValues<OrderStatus>()
            .Where(s => SystemTopology.StageFor(s) is not null)
            .Select(s => (SystemTopology.StageFor(s)!.Name, $"ord-{s}"));
        Assert.Multiple(() =>
        {
            Assert.That(invoker.Deliveries.Select(d => (d.Stage, d.Message.Change.OrderId)), Is.EquivalentTo(expected));
            Assert.That(dispatcher.Report().UnroutedChanges, Is.EqualTo(Enum.GetValues<OrderStatus>().Length - expected.Count()));
        });
    }

    [Test]
    public async Task EveryChange_IsDeliveredOneToThreeTimes()
    {
        var invoker = new RecordingInvoker();
        var dispatcher = new ChaosDispatcher(invoker, new DispatcherOptions { Seed = 3 });
        for (var i = 0; i < 300; i++)
        {
            dispatcher.OnChange(new OrderChange($"ord-{i}", OrderStatus.Pending, null, 1, "order_created"));
        }

        await dispatcher.DrainAsync();

        var copies = invoker.Deliveries.GroupBy(d => d.Message.Change.OrderId).Select(g => g.Count()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(copies, Has.Count.EqualTo(300));
            Assert.That(copies, Is.All.InRange(1, 3));
            Assert.That(copies.Distinct(), Is.EquivalentTo(new[] { 1, 2, 3 }));
        });
    }

    [Test]
    public async Task AMessageThatKeepsFailing_IsDeadLetteredAfterTheTopologysReceiveLimit_WithItsCause()
    {
        var invoker = new RecordingInvoker { AlwaysFail = { "ord-bad" } };
        var dispatcher = new ChaosDispatcher(invoker, new DispatcherOptions { MinCopies = 1, MaxCopies = 1 });
        dispatcher.OnChange(new OrderChange("ord-bad", OrderStatus.Reserved, OrderStatus.Pending, 2, "order_updated"));
        dispatcher.OnChange(new OrderChange("ord-good", OrderStatus.Reserved, OrderStatus.Pending, 2, "order_updated"));

        await dispatcher.DrainAsync();

        var report = dispatcher.Report();
        Assert.Multiple(() =>
        {
            Assert.That(invoker.Deliveries.Count(d => d.Message.Change.OrderId == "ord-bad"), Is.EqualTo(SystemTopology.ChargePayment.MaxReceiveCount));
            Assert.That(report.DeadLetters, Has.Count.EqualTo(1));
            Assert.That(report.DeadLetters[0], Is.EqualTo(new DeadLetter(SystemTopology.ChargePayment.Name, "ord-bad", report.DeadLetters[0].MessageId, SystemTopology.ChargePayment.MaxReceiveCount, "transient: keeps failing", 0)));
            Assert.That(dispatcher.DeadLettersWaiting, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Redrive_PutsDeadLettersBackWithAFreshReceiveCount()
    {
        var invoker = new RecordingInvoker { AlwaysFail = { "ord-bad" } };
        var dispatcher = new ChaosDispatcher(invoker, new DispatcherOptions { MinCopies = 1, MaxCopies = 1 });
        dispatcher.OnChange(new OrderChange("ord-bad", OrderStatus.Paid, OrderStatus.Reserved, 3, "order_updated"));
        await dispatcher.DrainAsync();
        invoker.AlwaysFail.Clear();

        var moved = dispatcher.RedriveDeadLetters();
        await dispatcher.DrainAsync();

        Assert.Multiple(() =>
        {
            Assert.That(moved, Is.EqualTo(1));
            Assert.That(dispatcher.DeadLettersWaiting, Is.Zero);
            Assert.That(dispatcher.Report().Stages.Single(s => s.Stage == SystemTopology.ShipOrder.Name).Acknowledged, Is.EqualTo(1));
        });
    }
}
