namespace OrderProcessing.Benchmarks.WarmLoop;

/// <summary>One run of the warm loop program: its own warm-up, then the measured batches.</summary>
/// <param name="NanosecondsPerOp">Time per <c>POST /orders</c> (median of the batches' means).</param>
/// <param name="AllocatedBytesPerOp">Bytes allocated per invocation (all threads).</param>
/// <param name="Invocations">Measured invocations.</param>
public sealed record WarmLoopSample(double NanosecondsPerOp, double AllocatedBytesPerOp, long Invocations);
