namespace OrderProcessing.Benchmarks.Machine;

/// <summary>What waiting for a quiet machine found.</summary>
/// <param name="Quiet">The criteria were met.</param>
/// <param name="Waited">How long it waited.</param>
/// <param name="IdlePercent">Mean idle share of the last readings (the quiet run, or the last few seconds when it gave up).</param>
public sealed record QuietOutcome(bool Quiet, TimeSpan Waited, double IdlePercent);
