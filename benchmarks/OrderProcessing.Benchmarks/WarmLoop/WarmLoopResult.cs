using OrderProcessing.Benchmarks.Common;

namespace OrderProcessing.Benchmarks.WarmLoop;

/// <summary>The warm loop under one runtime (<c>aot</c> or <c>jit</c>), several processes of it.</summary>
/// <param name="Name">aot or jit.</param>
/// <param name="Description">How it was built and run.</param>
/// <param name="Samples">One per process.</param>
public sealed record WarmLoopResult(string Name, string Description, IReadOnlyList<WarmLoopSample> Samples)
{
    /// <summary>Median over the processes of their time per invocation, nanoseconds.</summary>
    public double NanosecondsPerOpMedian => Percentiles.Median(Samples.Select(s => s.NanosecondsPerOp).Order().ToList());

    /// <summary>Median over the processes of bytes allocated per invocation.</summary>
    public double AllocatedBytesPerOpMedian => Percentiles.Median(Samples.Select(s => s.AllocatedBytesPerOp).Order().ToList());
}
