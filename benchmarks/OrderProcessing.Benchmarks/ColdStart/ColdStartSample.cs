namespace OrderProcessing.Benchmarks.ColdStart;

/// <summary>One fresh process of the function: from its start to its first response, and its memory.</summary>
/// <param name="FirstResponseMs">From just before the process was started until its first response arrived at the Runtime API.</param>
/// <param name="PeakRssKb">Peak resident memory of the process by then (<c>VmHWM</c>).</param>
public sealed record ColdStartSample(double FirstResponseMs, long PeakRssKb);
