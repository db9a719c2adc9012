namespace OrderProcessing.Benchmarks.ColdStart;

/// <summary>One fresh process: times from its start (measured inside it against the parent's start timestamp) and from the parent.</summary>
/// <param name="MainMs">Until the probe's Main ran (runtime start-up).</param>
/// <param name="ReadyMs">Until the handler was constructed (assembly loaded, handler resolved, settings read, clients built).</param>
/// <param name="FirstResponseMs">Until the first invocation returned its response.</param>
/// <param name="WallMs">From the parent's start of the process to its exit.</param>
/// <param name="PeakRssKb">Peak resident memory of the process (VmHWM).</param>
/// <param name="Status">HTTP status of the first response.</param>
/// <param name="ReadyJitMethods">Methods JIT-compiled until the handler was ready (what ReadyToRun did not cover).</param>
/// <param name="ReadyJitMs">Time spent JIT-compiling until then.</param>
/// <param name="JitMethods">Methods JIT-compiled until the first response.</param>
/// <param name="JitMs">Time spent JIT-compiling until then.</param>
public sealed record ColdStartSample(double MainMs, double ReadyMs, double FirstResponseMs, double WallMs, long PeakRssKb, int Status, int ReadyJitMethods, double ReadyJitMs, int JitMethods, double JitMs);
