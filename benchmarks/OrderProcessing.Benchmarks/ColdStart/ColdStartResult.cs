using OrderProcessing.Benchmarks.Common;

namespace OrderProcessing.Benchmarks.ColdStart;

/// <summary>The cold starts of one build for one function, with medians and 90th percentiles.</summary>
/// <param name="Function">The function's topology name (its <c>_HANDLER</c>).</param>
/// <param name="Name">The build (aot, jit, r2r).</param>
/// <param name="Description">How it was built.</param>
/// <param name="Samples">One per fresh process.</param>
public sealed record ColdStartResult(string Function, string Name, string Description, IReadOnlyList<ColdStartSample> Samples)
{
    /// <summary>Median time to the first response.</summary>
    public double FirstResponseMedian => Percentiles.Median(Sorted(s => s.FirstResponseMs));

    /// <summary>90th percentile time to the first response.</summary>
    public double FirstResponseP90 => Percentiles.Of(Sorted(s => s.FirstResponseMs), 90);

    /// <summary>Median peak resident memory, MiB.</summary>
    public double PeakRssMedianMiB => Percentiles.Median(Sorted(s => s.PeakRssKb)) / 1024;

    private List<double> Sorted(Func<ColdStartSample, double> value) => Samples.Select(value).Order().ToList();
}
