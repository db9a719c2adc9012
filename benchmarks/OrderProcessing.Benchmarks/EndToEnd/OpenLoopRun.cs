using OrderProcessing.Benchmarks.Common;

namespace OrderProcessing.Benchmarks.EndToEnd;

/// <summary>What a fixed-rate window measured: every request's latency from the moment it was due.</summary>
/// <param name="OfferedRate">Requests per second the schedule asked for.</param>
/// <param name="DurationSeconds">Length of the window.</param>
/// <param name="Sent">Requests sent.</param>
/// <param name="Succeeded">Answers with the expected status.</param>
/// <param name="Failed">Other answers and transport errors.</param>
/// <param name="LatenciesMs">Latencies of the successful requests, ascending.</param>
public sealed record OpenLoopRun(double OfferedRate, double DurationSeconds, long Sent, long Succeeded, long Failed, IReadOnlyList<double> LatenciesMs)
{
    /// <summary>Successful answers per second over the window: below <see cref="OfferedRate"/> means the rate was above capacity.</summary>
    public double AchievedRate => DurationSeconds <= 0 ? 0 : Succeeded / DurationSeconds;

    /// <summary>Latency percentile (nearest rank), milliseconds; NaN without a successful request.</summary>
    public double Percentile(double percentile) => LatenciesMs.Count == 0 ? double.NaN : Percentiles.Of(LatenciesMs, percentile);
}
