using OrderProcessing.Reliability.Concurrency;
using OrderProcessing.Reliability.Lambda;
using OrderProcessing.Reliability.Stores;

namespace OrderProcessing.Reliability.Tests.Concurrency;

/// <summary>The same overlapping requests through the API function and the reserve-inventory function (proxy events, SQS batches).</summary>
[TestFixture]
public sealed class LambdaConcurrencyTests
{
    private ConcurrencyReport _report = null!;

    [OneTimeSetUp]
    public async Task RunOnce() => _report = await ConcurrencyChecks.RunAsync(new InMemoryStoreProvider(), new LambdaSystemHost());

    [Test]
    public void ParallelPosts_ToTheApiFunction_WithOneKeyAndOneBody_CreateExactlyOneOrder() => AssertHolds("parallel POST /orders with one Idempotency-Key and one body");

    [Test]
    public void ParallelPosts_ToTheApiFunction_WithOneKeyAndDifferentBodies_CreateOneOrderAndConflictForTheRest() => AssertHolds("parallel POST /orders with one Idempotency-Key and different bodies");

    [Test]
    public void ParallelDeliveries_ToTheReserveFunction_SellExactlyTheLastUnits() => AssertHolds("parallel orders for the last");

    private void AssertHolds(string fragment)
    {
        var check = _report.Checks.Single(c => c.Name.Contains(fragment, StringComparison.Ordinal));
        Assert.That(check.Violations, Is.Empty, check.Counts);
    }
}
