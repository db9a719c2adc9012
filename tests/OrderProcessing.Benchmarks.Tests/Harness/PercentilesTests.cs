using OrderProcessing.Benchmarks.Common;

namespace OrderProcessing.Benchmarks.Tests.Harness;

/// <summary>Percentiles are by nearest rank: every value the report prints was observed.</summary>
public sealed class PercentilesTests
{
    private static readonly double[] OneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    [TestCase(50, 5)]
    [TestCase(90, 9)]
    [TestCase(99, 10)]
    [TestCase(100, 10)]
    [TestCase(0, 1)]
    [TestCase(10, 1)]
    [TestCase(11, 2)]
    public void NearestRank_OfOneToTen(double percentile, double expected)
    {
        Assert.That(Percentiles.Of(OneToTen, percentile), Is.EqualTo(expected));
    }

    [Test]
    public void NoSamples_IsAnError()
    {
        Assert.That(() => Percentiles.Of([], 50), Throws.ArgumentException);
    }
}
