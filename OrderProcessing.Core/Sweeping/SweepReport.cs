namespace OrderProcessing.Core.Sweeping;

/// <summary>What one sweep did.</summary>
/// <param name="Found">Orders found past their stage's deadline (at most the run's limit).</param>
/// <param name="Nudged">Of those, how many were nudged (the others moved on between the read and the nudge).</param>
/// <param name="NudgedAgain">Of those nudged, how many had been nudged before in the same status and version: stuck twice, a nudge did not help.</param>
/// <param name="Orders">Every order nudged, with its nudge count after the nudge.</param>
public sealed record SweepReport(int Found, int Nudged, int NudgedAgain, IReadOnlyList<StuckOrder> Orders);
