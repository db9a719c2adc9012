namespace OrderProcessing.Benchmarks.Common;

/// <summary>Order statistics of samples, by the nearest-rank method (no interpolation: every reported value was observed).</summary>
public static class Percentiles
{
    /// <summary>The <paramref name="percentile"/>th percentile (0 to 100) of <paramref name="sorted"/>, ascending.</summary>
    public static double Of(IReadOnlyList<double> sorted, double percentile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("No samples.", nameof(sorted));
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>The median (nearest rank).</summary>
    public static double Median(IReadOnlyList<double> sorted) => Of(sorted, 50);
}
