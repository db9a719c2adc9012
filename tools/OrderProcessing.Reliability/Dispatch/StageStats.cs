namespace OrderProcessing.Reliability.Dispatch;

/// <summary>Traffic of one stage queue during a run.</summary>
internal sealed record StageStats(string Stage, int Changes, int Messages, int Receives, int Failures, int Acknowledged, int DeadLettered);
