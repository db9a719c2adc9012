namespace OrderProcessing.Reliability.Chaos;

/// <summary>A client's plan to cancel one order: when (before call <see cref="CallIndex"/> of <see cref="Stage"/>, or after <see cref="DelayTicks"/>) and whether to delete it after.</summary>
internal sealed record CancelPlan(CancelTiming Timing, string? Stage, int CallIndex, int DelayTicks, bool DeleteAfter);
