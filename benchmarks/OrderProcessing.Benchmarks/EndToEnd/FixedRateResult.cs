namespace OrderProcessing.Benchmarks.EndToEnd;

/// <summary>POST /orders latency at a fixed offered rate below capacity, on a fresh local host, pipeline running.</summary>
/// <param name="Build">after (this commit) or before (the baseline).</param>
/// <param name="Storage">memory or dynalite.</param>
/// <param name="OfferedRate">Orders per second offered (open loop).</param>
/// <param name="AchievedRate">201 answers per second: well below the offered rate means the rate was above capacity.</param>
/// <param name="DurationSeconds">Measured window.</param>
/// <param name="Requests">Requests sent in the window (the number of latencies behind the percentiles).</param>
/// <param name="Failed">Answers other than 201 and transport errors.</param>
/// <param name="P50Ms">Median latency from the moment the request was due.</param>
/// <param name="P90Ms">90th percentile.</param>
/// <param name="P99Ms">99th percentile.</param>
/// <param name="MaxMs">Slowest.</param>
/// <param name="DrainSeconds">Time after the window until every stage queue was empty (the pipeline keeping up).</param>
public sealed record FixedRateResult(
    string Build,
    string Storage,
    double OfferedRate,
    double AchievedRate,
    double DurationSeconds,
    long Requests,
    long Failed,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    double DrainSeconds);
