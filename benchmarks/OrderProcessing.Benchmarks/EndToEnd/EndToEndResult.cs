namespace OrderProcessing.Benchmarks.EndToEnd;

/// <summary>One load level against the local host: POST latency seen by wrk and orders completed end to end.</summary>
/// <param name="Storage">in-memory or dynalite.</param>
/// <param name="Concurrency">wrk connections.</param>
/// <param name="DurationSeconds">Length of the measured POST window.</param>
/// <param name="Posted">Answers 201 wrk counted in the window.</param>
/// <param name="Failed">Other answers and socket errors.</param>
/// <param name="Created">Orders the pipeline received from the window (its first stage's deliveries).</param>
/// <param name="Completed">Orders of the window that reached COMPLETED (the last stage's deliveries).</param>
/// <param name="PostsPerSecond">201 answers per second during the window.</param>
/// <param name="CompletedPerSecond">Orders completed per second, from the window's start until the last one completed.</param>
/// <param name="DrainSeconds">Time after the window until every stage queue was empty.</param>
/// <param name="P50Ms">Median POST latency.</param>
/// <param name="P90Ms">90th percentile POST latency.</param>
/// <param name="P99Ms">99th percentile POST latency.</param>
/// <param name="MaxMs">Slowest POST.</param>
/// <param name="HostCpuMsPerOrder">CPU time of the host process (user + system) per completed order, over window and drain.</param>
/// <param name="DeadLetters">Dead letters at the end (should be 0).</param>
public sealed record EndToEndResult(
    string Storage,
    int Concurrency,
    double DurationSeconds,
    long Posted,
    long Failed,
    long Created,
    long Completed,
    double PostsPerSecond,
    double CompletedPerSecond,
    double DrainSeconds,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    double HostCpuMsPerOrder,
    int DeadLetters);
