using OrderProcessing.Reliability.BadInput;
using OrderProcessing.Reliability.Lambda;

namespace OrderProcessing.Reliability.Tests.BadInput;

/// <summary>10,000 generated requests and the corpus against the API function over in-memory stores, once; one test per check.</summary>
[TestFixture]
[NonParallelizable]
public sealed class BadInputRunTests
{
    private BadInputReport _report = null!;

    [OneTimeSetUp]
    public async Task RunOnce()
    {
        var host = new LambdaSystemHost();
        var (target, probe) = await BadInputSystem.CreateAsync(host);
        _report = await BadInputRun.RunAsync(host.Name, target, probe, 10_000, 42);
    }

    [TestCase("Bad input never produces a 5xx")]
    [TestCase("Every rejection is a problem document")]
    [TestCase("A rejected request writes nothing")]
    [TestCase("No answer carries a stack trace")]
    public void Check_Holds(string check)
    {
        var result = _report.Checks.Single(c => c.Name.StartsWith(check, StringComparison.Ordinal));
        Assert.That(result.Violations, Is.Empty, result.Counts);
    }

    [Test]
    public void TheRun_SendsTenThousandGeneratedRequestsAndTheCorpus_AndMostAreRejected()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_report.Cases, Is.EqualTo(10_000 + Corpus.Cases.Count));
            Assert.That(_report.Rejected, Is.GreaterThan(8_000));
            Assert.That(_report.AnswersByStatus.Keys, Is.SupersetOf(new[] { 400, 404, 405, 413, 415 }));
        });
    }
}
