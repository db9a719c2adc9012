using OrderProcessing.Benchmarks.Common;

namespace OrderProcessing.Benchmarks.ColdStart;

/// <summary>The cold starts of one variant, with medians and 90th percentiles.</summary>
public sealed record ColdStartResult(string Name, string Description, IReadOnlyList<ColdStartSample> Samples)
{
    /// <summary>Methods JIT-compiled in one extra, untimed start, by group (empty when not traced).</summary>
    public IReadOnlyDictionary<string, int> JitBreakdown { get; init; } = new Dictionary<string, int>();

    /// <summary>Median time to handler ready.</summary>
    public double ReadyMedian => Median(s => s.ReadyMs);

    /// <summary>90th percentile time to handler ready.</summary>
    public double ReadyP90 => P90(s => s.ReadyMs);

    /// <summary>Median time to the first response.</summary>
    public double FirstResponseMedian => Median(s => s.FirstResponseMs);

    /// <summary>90th percentile time to the first response.</summary>
    public double FirstResponseP90 => P90(s => s.FirstResponseMs);

    /// <summary>Median runtime start-up (until Main).</summary>
    public double MainMedian => Median(s => s.MainMs);

    /// <summary>Median wall time of the whole process, seen from the parent.</summary>
    public double WallMedian => Median(s => s.WallMs);

    /// <summary>90th percentile wall time.</summary>
    public double WallP90 => P90(s => s.WallMs);

    /// <summary>Median peak resident memory, MiB.</summary>
    public double PeakRssMedianMiB => Median(s => s.PeakRssKb) / 1024;

    /// <summary>Median number of methods JIT-compiled until the first response.</summary>
    public double JitMethodsMedian => Median(s => s.JitMethods);

    /// <summary>Median time spent JIT-compiling until the first response.</summary>
    public double JitMsMedian => Median(s => s.JitMs);

    private double Median(Func<ColdStartSample, double> value) => Percentiles.Median(Sorted(value));

    private double P90(Func<ColdStartSample, double> value) => Percentiles.Of(Sorted(value), 90);

    private List<double> Sorted(Func<ColdStartSample, double> value) => Samples.Select(value).Order().ToList();
}
