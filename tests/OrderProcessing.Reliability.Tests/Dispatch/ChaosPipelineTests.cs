using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Reliability.Dispatch;
using OrderProcessing.Topology;
using OrderProcessing.Transport.ChangeFeed;
using OrderProcessing.Transport.Delivery;

namespace OrderProcessing.Reliability.Tests.Dispatch;

/// <summary>The chaos pipeline is a faithful, hostile SQS: routes by the topology, duplicates, limits receives, keeps dead letters.</summary>
public sealed class ChaosPipelineTests
{
    private static readonly PipelineOptions OneCopy = new() { Delivery = new PipelineOptions().Delivery with { MinCopies = 1, MaxCopies = 1 } };

    [Test]
    public async Task EveryStatus_IsRoutedToTheStageTheTopologyNames()
    {
        var stages = new RecordingStages();
        using var pipeline = new ChaosPipeline(stages.Functions.HandlerFor, stages.Failures, OneCopy);
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            pipeline.OnChange(Change($"ord-{status}", status));
        }

        await pipeline.DrainAsync();

        var expected = Enum.GetValues<OrderStatus>()
            .Where(s => SystemTopology.StageFor(s) is not null)
            .Select(s => (SystemTopology.StageFor(s)!.Name, $"ord-{s}"));
        Assert.Multiple(() =>
        {
            Assert.That(stages.Deliveries, Is.EquivalentTo(expected));
            Assert.That(pipeline.Report().UnroutedChanges, Is.EqualTo(Enum.GetValues<OrderStatus>().Length - expected.Count()));
        });
    }

    [Test]
    public async Task EveryChange_IsDeliveredOneToThreeTimes()
    {
        var stages = new RecordingStages();
        using var pipeline = new ChaosPipeline(stages.Functions.HandlerFor, stages.Failures, new PipelineOptions { Delivery = new PipelineOptions().Delivery with { Seed = 3 } });
        for (var i = 0; i < 300; i++)
        {
            pipeline.OnChange(Change($"ord-{i}", OrderStatus.Pending));
        }

        await pipeline.DrainAsync();

        var copies = stages.Deliveries.GroupBy(d => d.OrderId).Select(g => g.Count()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(copies, Has.Count.EqualTo(300));
            Assert.That(copies, Is.All.InRange(1, 3));
            Assert.That(copies.Distinct(), Is.EquivalentTo(new[] { 1, 2, 3 }));
        });
    }

    [Test]
    public async Task TheSameSeed_DeliversInTheSameOrder()
    {
        async Task<List<(string Stage, string OrderId)>> RunAsync()
        {
            var stages = new RecordingStages();
            using var pipeline = new ChaosPipeline(stages.Functions.HandlerFor, stages.Failures, new PipelineOptions { Delivery = new PipelineOptions().Delivery with { Seed = 7 } });
            for (var i = 0; i < 50; i++)
            {
                pipeline.OnChange(Change($"ord-{i}", i % 2 == 0 ? OrderStatus.Pending : OrderStatus.Paid));
            }

            await pipeline.DrainAsync();
            return stages.Deliveries;
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public async Task AMessageThatKeepsFailing_IsDeadLetteredAfterTheTopologysReceiveLimit_WithItsCause()
    {
        var stages = new RecordingStages { AlwaysFail = { "ord-bad" } };
        using var pipeline = new ChaosPipeline(stages.Functions.HandlerFor, stages.Failures, OneCopy);
        pipeline.OnChange(Change("ord-bad", OrderStatus.Reserved));
        pipeline.OnChange(Change("ord-good", OrderStatus.Reserved));

        await pipeline.DrainAsync();

        var report = pipeline.Report();
        Assert.Multiple(() =>
        {
            Assert.That(stages.Deliveries.Count(d => d.OrderId == "ord-bad"), Is.EqualTo(SystemTopology.ChargePayment.MaxReceiveCount));
            Assert.That(report.DeadLetters, Has.Count.EqualTo(1));
            Assert.That(report.DeadLetters[0], Is.EqualTo(new DeadLetterRow(SystemTopology.ChargePayment.Name, "ord-bad", report.DeadLetters[0].MessageId, SystemTopology.ChargePayment.MaxReceiveCount, "transient: keeps failing", 0)));
            Assert.That(report.FailureCauses, Is.EqualTo(new Dictionary<string, int> { ["transient"] = SystemTopology.ChargePayment.MaxReceiveCount }));
            Assert.That(pipeline.DeadLettersWaiting, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Redrive_PutsDeadLettersBackWithAFreshReceiveCount()
    {
        var stages = new RecordingStages { AlwaysFail = { "ord-bad" } };
        using var pipeline = new ChaosPipeline(stages.Functions.HandlerFor, stages.Failures, OneCopy);
        pipeline.OnChange(Change("ord-bad", OrderStatus.Paid));
        await pipeline.DrainAsync();
        stages.AlwaysFail.Clear();

        var moved = pipeline.RedriveDeadLetters();
        await pipeline.DrainAsync();

        Assert.Multiple(() =>
        {
            Assert.That(moved, Is.EqualTo(1));
            Assert.That(pipeline.DeadLettersWaiting, Is.Zero);
            Assert.That(pipeline.Report().Stages.Single(s => s.Stage == SystemTopology.ShipOrder.Name).Acknowledged, Is.EqualTo(1));
            Assert.That(pipeline.Report().Redriven, Is.EqualTo(1));
        });
    }

    // A change of an order that has just entered status; the image is what the stream carries.
    private static OrderChange Change(string orderId, OrderStatus status)
    {
        var order = Order.Place(
            orderId,
            new Customer("c-1", "jane@example.com", "Jane Doe"),
            [new OrderLine("sku-1", "Widget", 1, new Money(10m, Currency.Usd))],
            new Address("1 Main St", null, "Springfield", null, "12345", "US"),
            "tok_visa",
            LogicalClockStart);
        var snapshot = order.ToSnapshot() with { Status = status };
        return new OrderChange(status == OrderStatus.Pending ? OrderChangeKind.Insert : OrderChangeKind.Modify, orderId, null, snapshot, 1, LogicalClockStart);
    }

    private static readonly DateTimeOffset LogicalClockStart = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
