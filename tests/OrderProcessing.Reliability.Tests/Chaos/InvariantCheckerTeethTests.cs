using OrderProcessing.Reliability.Chaos;
using OrderProcessing.Reliability.Stores;
using OrderProcessing.Topology;

namespace OrderProcessing.Reliability.Tests.Chaos;

/// <summary>The invariants are only worth something if they fail when the system breaks: each test breaks one stage on purpose.</summary>
public sealed class InvariantCheckerTeethTests
{
    private static readonly ChaosOptions Small = new() { Orders = 150, Seed = 7, CancelRate = 0.4 };

    [Test]
    public async Task ACompensateStageThatDoesNothing_LeavesCapturesOfCancelledOrdersUnrefunded()
    {
        // Stock survives this one: the other stages' settle paths also release a cancelled order's stock.
        var report = await ChaosRun.RunAsync(new InMemoryStoreProvider(), new BrokenSystemHost(SystemTopology.Compensate.Name, _ => new DoNothingStage()), Small);

        Assert.That(report.Invariant("Every order cancelled after payment is refunded").Violations, Has.Some.Contains("is CANCELLED but its capture is Captured"));
    }

    [Test]
    public async Task AReserveStageThatNeverReleases_LeaksTheReservationsOfOrdersOutOfStock()
    {
        var report = await ChaosRun.RunAsync(
            new InMemoryStoreProvider(),
            new BrokenSystemHost(SystemTopology.ReserveInventory.Name, p => new Core.Pipeline.ReserveInventoryStage(p.Orders, new ForgetfulInventory(p.Inventory), p.Clock)),
            Small);

        Assert.That(report.Invariant("No reservation is left behind").Holds, Is.False);
    }

    [Test]
    public async Task AnInvoiceStageThatDoesNothing_LeavesOrdersShipped()
    {
        var report = await ChaosRun.RunAsync(new InMemoryStoreProvider(), new BrokenSystemHost(SystemTopology.GenerateInvoice.Name, _ => new DoNothingStage()), Small);

        Assert.That(report.Invariant("Every order ends terminal").Violations, Has.Some.Contains("is still SHIPPED"));
    }

    [Test]
    public async Task AShipStageThatForgetsTheStock_BreaksTheShippedStockInvariant()
    {
        var report = await ChaosRun.RunAsync(
            new InMemoryStoreProvider(),
            new BrokenSystemHost(SystemTopology.ShipOrder.Name, p => new Core.Pipeline.ShipOrderStage(p.Orders, new ForgetfulInventory(p.Inventory), p.Carrier, p.Clock)),
            Small);

        Assert.Multiple(() =>
        {
            Assert.That(report.Invariant("Shipped stock equals the units of completed orders").Holds, Is.False);
            Assert.That(report.Invariant("No reservation is left behind").Holds, Is.False);
        });
    }

    [Test]
    public async Task WithoutASettlingPeriod_DeletingCancelledOrdersStrandsTheirStockOrPayments()
    {
        // The bug the settling period fixes: delete a cancelled order before the pipeline has given back what it held.
        var report = await ChaosRun.RunAsync(
            new InMemoryStoreProvider(),
            new CoreSystemHost(),
            Small with { CancelRate = 0.6, DeleteAfterCancelRate = 1.0, SettlingPeriod = TimeSpan.Zero });

        Assert.That(
            report.Invariant("No reservation is left behind").Holds && report.Invariant("Every order cancelled after payment is refunded").Holds,
            Is.False);
    }
}
