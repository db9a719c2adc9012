using OrderProcessing.Reliability.Chaos;
using OrderProcessing.Reliability.Concurrency;
using OrderProcessing.Reliability.Lambda;
using OrderProcessing.Reliability.Stores;

namespace OrderProcessing.Reliability.Tests.Dynalite;

/// <summary>
/// The same fault-injection run and concurrency checks, through the Lambda handlers, against the DynamoDB and S3
/// adapters on dynalite and s3rver (started on free loopback ports). CI size: 150 orders (RELIABILITY.md reports the full 500 from the command).
/// A server that cannot start fails every test here with the reason; nothing is skipped.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DynaliteChaosRunTests
{
    /// <summary>Orders of the CI-sized dynalite run.</summary>
    public const int Orders = 150;

    private DynaliteStoreProvider _stores = null!;
    private ChaosReport _chaos = null!;
    private ConcurrencyReport _concurrency = null!;

    [OneTimeSetUp]
    public async Task RunOnce()
    {
        _stores = new DynaliteStoreProvider();
        _chaos = await ChaosRun.RunAsync(_stores, new LambdaSystemHost(), new ChaosOptions { Orders = Orders, Seed = 42 });
        _concurrency = await ConcurrencyChecks.RunAsync(_stores, new LambdaSystemHost());
    }

    [OneTimeTearDown]
    public async Task StopServers() => await _stores.DisposeAsync();

    [Test]
    public void EveryInvariant_HoldsOnTheAdapters()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_chaos.Invariants, Has.Count.EqualTo(16));
            foreach (var invariant in _chaos.Invariants)
            {
                Assert.That(invariant.Violations, Is.Empty, $"{invariant.Name}: {invariant.Counts}");
            }
        });
    }

    [Test]
    public void TheRun_CrashedAfterEveryKindOfSideEffect_AndCancelledSomeOrders()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_chaos.Faults.SideEffectPointsNeverCrashed, Is.Empty);
            Assert.That(_chaos.Faults.Transient, Is.GreaterThan(50));
            Assert.That(_chaos.Outcomes.Count(o => o.Cancel is CancelOutcome.Accepted or CancelOutcome.AcceptedAnswerLost), Is.GreaterThan(3));
        });
    }

    [Test]
    public void ParallelPosts_WithOneKey_CreateExactlyOneOrder()
    {
        foreach (var check in _concurrency.Checks.Where(c => c.Name.Contains("Idempotency-Key", StringComparison.Ordinal)))
        {
            Assert.That(check.Violations, Is.Empty, check.Counts);
        }
    }

    [Test]
    public void ParallelOrders_ForTheLastUnits_SellExactlyThoseUnits()
    {
        var check = _concurrency.Checks.Single(c => c.Name.Contains("last", StringComparison.Ordinal));
        Assert.That(check.Violations, Is.Empty, check.Counts);
    }
}
