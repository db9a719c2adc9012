using OrderProcessing.Reliability.Chaos;
using OrderProcessing.Reliability.Concurrency;
using OrderProcessing.Reliability.Stores;

namespace OrderProcessing.Reliability.Tests.Concurrency;

/// <summary>Overlapping requests on the in-memory stores: one order per Idempotency-Key, exactly the last units sold.</summary>
[TestFixture]
public sealed class InMemoryConcurrencyTests
{
    private ConcurrencyReport _report = null!;

    [OneTimeSetUp]
    public async Task RunOnce() => _report = await ConcurrencyChecks.RunAsync(new InMemoryStoreProvider(), new CoreSystemHost());

    [Test]
    public void ParallelPosts_WithOneKeyAndOneBody_CreateExactlyOneOrder() => AssertHolds("parallel POST /orders with one Idempotency-Key and one body");

    [Test]
    public void ParallelPosts_WithOneKeyAndDifferentBodies_CreateOneOrderAndConflictForTheRest() => AssertHolds("parallel POST /orders with one Idempotency-Key and different bodies");

    [Test]
    public void ParallelOrders_ForTheLastUnits_SellExactlyThoseUnits() => AssertHolds("parallel orders for the last");

    private void AssertHolds(string fragment)
    {
        var check = _report.Checks.Single(c => c.Name.Contains(fragment, StringComparison.Ordinal));
        Assert.That(check.Violations, Is.Empty, check.Counts);
    }
}
