using OrderProcessing.Benchmarks.Machine;

namespace OrderProcessing.Benchmarks.Tests.Machine;

/// <summary>A timed phase starts only after enough consecutive quiet seconds; one busy second starts the count again.</summary>
public sealed class QuietDetectorTests
{
    private static readonly QuietCriteria Criteria = new(85, 3, TimeSpan.FromMinutes(1));

    [Test]
    public void Observe_EnoughQuietSecondsInARow_IsQuiet()
    {
        var detector = new QuietDetector(Criteria);

        var answers = new[] { 90.0, 95, 99 }.Select(detector.Observe).ToList();

        Assert.That(answers, Is.EqualTo(new[] { false, false, true }));
        Assert.That(detector.QuietRun, Is.EqualTo(new[] { 90.0, 95, 99 }));
    }

    [Test]
    public void Observe_OneBusySecond_StartsTheCountAgain()
    {
        var detector = new QuietDetector(Criteria);

        var answers = new[] { 99.0, 99, 40, 99, 99 }.Select(detector.Observe).ToList();

        Assert.That(answers, Is.EqualTo(new[] { false, false, false, false, false }));
        Assert.That(detector.Observe(99), Is.True);
    }

    [Test]
    public void Observe_JustBelowTheThreshold_IsNotQuiet()
    {
        var detector = new QuietDetector(Criteria);

        Assert.That(Enumerable.Repeat(84.9, 10).Select(detector.Observe), Has.None.True);
    }

    [Test]
    public void Observe_AtTheThreshold_CountsAsQuiet()
    {
        var detector = new QuietDetector(Criteria);

        Assert.That(Enumerable.Repeat(85.0, 3).Select(detector.Observe).ToList()[^1], Is.True);
    }
}
