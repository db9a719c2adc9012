using OrderProcessing.Benchmarks.Warm;

namespace OrderProcessing.Benchmarks.Tests.Harness;

/// <summary>
/// Every warm benchmark invokes its handler on the success path (201, 200, no failed message): a benchmark that
/// silently measured an error answer would report numbers for the wrong thing. Run once each, untimed.
/// </summary>
public sealed class WarmBenchmarksSmokeTests
{
    [SetUp]
    public void SmallSettings()
    {
        WarmSettings.InvocationsPerIteration = 3;
        WarmSettings.StoredOrders = 60;
    }

    [Test]
    public async Task CreateBenchmarks_PlaceOrders()
    {
        var benchmarks = new ApiWriteBenchmarks();
        benchmarks.Setup();
        benchmarks.FreshStores();

        Assert.That(await benchmarks.CreateOrder(), Is.EqualTo(201));
        Assert.That(await benchmarks.CreateOrderIdempotent(), Is.EqualTo(201));
    }

    [Test]
    public async Task ReadBenchmarks_Answer200()
    {
        var benchmarks = new ApiReadBenchmarks();
        benchmarks.Setup();

        Assert.That(new[] { await benchmarks.GetOrder(), await benchmarks.ListOrders(), await benchmarks.ListOrdersByStatus(), await benchmarks.ListCustomerOrders() }, Is.All.EqualTo(200));
    }

    [Test]
    public async Task StageBenchmarks_MoveEveryPreparedOrder()
    {
        var benchmarks = new StageBenchmarks();
        benchmarks.Setup();
        var runs = new (Action Prepare, Func<Task<int>> Invoke)[]
        {
            (benchmarks.SetupReserve, benchmarks.ReserveInventory),
            (benchmarks.SetupCharge, benchmarks.ChargePayment),
            (benchmarks.SetupShip, benchmarks.ShipOrder),
            (benchmarks.SetupInvoice, benchmarks.GenerateInvoice),
            (benchmarks.SetupCompensate, benchmarks.Compensate),
        };

        foreach (var (prepare, invoke) in runs)
        {
            prepare();
            Assert.That(await invoke(), Is.Zero, "failed messages");
        }
    }

    [Test]
    public void LatencyRecorder_SummarizesOnlyTheLastInvocations()
    {
        LatencyRecorder.Reset();
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var i = 0; i < 10; i++)
        {
            LatencyRecorder.Record(now);
        }

        LatencyRecorder.Complete("smoke", 4);

        Assert.That(LatencyRecorder.Results["smoke"].Samples, Is.EqualTo(4));
    }
}
