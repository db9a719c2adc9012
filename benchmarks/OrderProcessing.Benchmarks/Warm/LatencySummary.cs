using OrderProcessing.Benchmarks.Common;

namespace OrderProcessing.Benchmarks.Warm;

/// <summary>Per-invocation latency of one benchmark, in microseconds.</summary>
/// <param name="Samples">Invocations measured.</param>
/// <param name="P50">Median.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="Max">Slowest.</param>
public sealed record LatencySummary(int Samples, double P50, double P99, double Max)
{
    /// <summary>Summarizes <paramref name="microseconds"/>.</summary>
    public static LatencySummary Of(double[] microseconds)
    {
        ArgumentNullException.ThrowIfNull(microseconds);
        Array.Sort(microseconds);
        return new LatencySummary(microseconds.Length, Percentiles.Median(microseconds), Percentiles.Of(microseconds, 99), microseconds[^1]);
    }
}
