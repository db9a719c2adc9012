namespace OrderProcessing.Reliability.Dispatch;

/// <summary>
/// What the dispatcher did: per-stage traffic, failure causes by kind, every dead letter (with the redrive round it
/// happened in), how many were redriven and how many are left, samples of unexpected failures, batches and ticks.
/// </summary>
internal sealed record DispatchReport(
    IReadOnlyList<StageStats> Stages,
    IReadOnlyDictionary<string, int> FailureCauses,
    IReadOnlyList<DeadLetterRow> DeadLetters,
    int Redriven,
    int DeadLettersLeft,
    IReadOnlyList<string> UnexpectedFailureSamples,
    int Batches,
    int LargestBatch,
    int UnroutedChanges,
    long Ticks)
{
    /// <summary>Messages received, over all stages.</summary>
    public int Receives => Stages.Sum(s => s.Receives);

    /// <summary>Messages put on stage queues, duplicates included.</summary>
    public int Messages => Stages.Sum(s => s.Messages);
}
