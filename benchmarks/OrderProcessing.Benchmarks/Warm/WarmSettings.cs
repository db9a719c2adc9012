namespace OrderProcessing.Benchmarks.Warm;

/// <summary>
/// How many invocations each measured iteration makes. The benchmarks prepare exactly that many inputs per iteration
/// (orders in the right status, unique request bodies), so the runner sets it before running them in process.
/// </summary>
public static class WarmSettings
{
    /// <summary>Invocations per iteration.</summary>
    public static int InvocationsPerIteration { get; set; } = 1024;

    /// <summary>Orders stored for the read benchmarks (10,000; the harness's smoke test uses fewer).</summary>
    public static int StoredOrders { get; set; } = 10_000;

    /// <summary>Measured (workload) iterations.</summary>
    public static int Iterations { get; set; } = 15;

    /// <summary>Invocations whose single durations are summarized: those of the measured iterations.</summary>
    public static int MeasuredInvocations => InvocationsPerIteration * Iterations;
}
