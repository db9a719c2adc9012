namespace OrderProcessing.Benchmarks.Warm;

/// <summary>One warm benchmark: BenchmarkDotNet's mean and allocation per invocation, and single-invocation percentiles.</summary>
/// <param name="Name">Benchmark method.</param>
/// <param name="Description">What it invokes.</param>
/// <param name="MeanMicroseconds">Mean per invocation (BenchmarkDotNet).</param>
/// <param name="StdErrMicroseconds">Standard error of the mean.</param>
/// <param name="P50Microseconds">Median single invocation.</param>
/// <param name="P99Microseconds">99th percentile single invocation.</param>
/// <param name="AllocatedBytes">Bytes allocated per invocation (MemoryDiagnoser).</param>
/// <param name="Gen0PerThousand">Gen 0 collections per 1,000 invocations.</param>
public sealed record WarmResult(
    string Name,
    string Description,
    double MeanMicroseconds,
    double StdErrMicroseconds,
    double P50Microseconds,
    double P99Microseconds,
    long AllocatedBytes,
    double Gen0PerThousand);
