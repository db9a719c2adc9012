using System.Diagnostics;

namespace OrderProcessing.Benchmarks.Warm;

/// <summary>
/// Per-invocation durations of the benchmark running now, kept in a ring buffer. BenchmarkDotNet measures iterations
/// (means over many invocations); percentiles of single invocations come from here. Recording costs two timestamp reads
/// and no allocation. The workload iterations are the last ones BenchmarkDotNet runs, so the last samples are theirs.
/// </summary>
public static class LatencyRecorder
{
    private const int Capacity = 1 << 18;
    private static readonly long[] Samples = new long[Capacity];
    private static long _count;

    /// <summary>Per-invocation percentiles by benchmark name, filled when each benchmark finishes.</summary>
    public static Dictionary<string, LatencySummary> Results { get; } = new(StringComparer.Ordinal);

    /// <summary>Forgets every sample (at the start of a benchmark).</summary>
    public static void Reset() => _count = 0;

    /// <summary>Records the time since <paramref name="startTimestamp"/> (a <see cref="Stopwatch.GetTimestamp"/> value).</summary>
    public static void Record(long startTimestamp)
    {
        var elapsed = Stopwatch.GetTimestamp() - startTimestamp;
        Samples[_count++ & (Capacity - 1)] = elapsed;
    }

    /// <summary>Summarizes the last <paramref name="last"/> samples under <paramref name="name"/>.</summary>
    public static void Complete(string name, int last)
    {
        var available = (int)Math.Min(_count, Capacity);
        var take = Math.Min(last, available);
        if (take == 0)
        {
            return;
        }

        var values = new double[take];
        for (var i = 0; i < take; i++)
        {
            var index = (_count - take + i) & (Capacity - 1);
            values[i] = Samples[index] * 1_000_000.0 / Stopwatch.Frequency;
        }

        Results[name] = LatencySummary.Of(values);
    }
}
