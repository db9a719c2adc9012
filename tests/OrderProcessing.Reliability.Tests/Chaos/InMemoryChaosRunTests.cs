using OrderProcessing.Reliability.Chaos;
using OrderProcessing.Reliability.Lambda;
using OrderProcessing.Reliability.Stores;

namespace OrderProcessing.Reliability.Tests.Chaos;

/// <summary>
/// The fault-injection run of the whole pipeline in memory with 500 orders (the size RELIABILITY.md reports), through the
/// real Lambda handlers (API Gateway proxy events in, SQS batches to the stages), run once; each invariant is its own
/// test so a failure names the guarantee that broke.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class InMemoryChaosRunTests
{
    private ChaosReport _report = null!;

    [OneTimeSetUp]
    public async Task RunOnce() =>
        _report = await ChaosRun.RunAsync(new InMemoryStoreProvider(), new LambdaSystemHost(), new ChaosOptions { Orders = 500, Seed = 42 });

    [TestCase("Every request is answered with exactly one order")]
    [TestCase("Orders created equal orders accounted for")]
    [TestCase("Every order ends terminal")]
    [TestCase("Every history follows the lifecycle")]
    [TestCase("Stock is conserved for every product")]
    [TestCase("No reservation is left behind")]
    [TestCase("Shipped stock equals the units of completed orders")]
    [TestCase("No order is charged twice")]
    [TestCase("Every completed order was captured exactly once")]
    [TestCase("Every order cancelled after payment is refunded")]
    [TestCase("Failed orders hold no payment")]
    [TestCase("Outcomes match the cards and the stock")]
    [TestCase("Every completed order has its invoice")]
    [TestCase("No message is lost")]
    [TestCase("Stages fail only from injected faults")]
    [TestCase("A same-status write never sends an order to a stage again")]
    public void Invariant_Holds(string invariant)
    {
        var result = _report.Invariant(invariant);
        Assert.That(result.Violations, Is.Empty, $"{result.Name}: {result.Counts}");
    }

    [Test]
    public void EveryInvariant_IsAssertedByItsOwnTest() =>
        Assert.That(_report.Invariants, Has.Count.EqualTo(16), "a new invariant needs its own test case above");

    [Test]
    public void SameStatusWrites_AreMadeWhileOrdersWaitInStageQueues()
    {
        var result = _report.Invariant("A same-status write never sends an order to a stage again");

        Assert.That(result.Counts, Does.Not.StartWith("0 same-status writes"), "the run makes same-status writes");
    }

    [Test]
    public void EveryKindOfSideEffect_IsCrashedAfterAtLeastOnce()
    {
        Assert.That(_report.Faults.SideEffectPointsNeverCrashed, Is.Empty);
        Assert.That(_report.Faults.CrashesByPoint.Keys.Where(k => !k.StartsWith("api ", StringComparison.Ordinal)).Select(k => k.Split(' ')[0]).Distinct(), Is.EquivalentTo(new[] { "reserve-inventory", "charge-payment", "ship-order", "generate-invoice", "compensate" }), "every stage crashed");
    }

    [Test]
    public void TheRun_ReallyInjectsEveryKindOfFault()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_report.Faults.Transient, Is.GreaterThan(100), "transient failures");
            Assert.That(_report.Faults.Stalls, Is.GreaterThan(50), "stalls");
            Assert.That(_report.Dispatch.Messages, Is.GreaterThan(_report.Dispatch.Stages.Sum(s => s.Changes)), "duplicate deliveries");
            Assert.That(_report.Dispatch.LargestBatch, Is.GreaterThan(1), "batches");
        });
    }

    [Test]
    public void Cancellations_RaceTheStages_AndSomeWinAfterPayment()
    {
        var accepted = _report.Outcomes.Count(o => o.Cancel is CancelOutcome.Accepted or CancelOutcome.AcceptedAnswerLost);
        Assert.Multiple(() =>
        {
            Assert.That(accepted, Is.GreaterThan(20), "accepted cancellations");
            Assert.That(_report.Outcomes.Count(o => o.Cancel == CancelOutcome.TooLate), Is.GreaterThan(10), "cancellations refused because the order had shipped");
            Assert.That(_report.Outcomes.Count(o => o.Deleted), Is.GreaterThan(0), "cancelled orders deleted once settled");
            Assert.That(_report.Invariant("Every order cancelled after payment is refunded").Counts, Does.Not.StartWith("0 orders"), "some orders were cancelled after their capture");
        });
    }

    [Test]
    public void TheWorkload_EndsInEveryTerminalStatus() =>
        Assert.That(_report.Invariant("Every order ends terminal").Counts, Does.Contain("COMPLETED").And.Contain("OUT_OF_STOCK").And.Contain("PAYMENT_FAILED").And.Contain("CANCELLED"));
}
