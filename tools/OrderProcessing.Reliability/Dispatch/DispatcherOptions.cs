namespace OrderProcessing.Reliability.Dispatch;

/// <summary>How the chaos dispatcher delivers. Receive limits and batch sizes come from the topology, not from here.</summary>
internal sealed record DispatcherOptions
{
    /// <summary>Seed of duplication, reordering, batching and retry delays.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Fewest copies of each change delivered. Default 1.</summary>
    public int MinCopies { get; init; } = 1;

    /// <summary>Most copies of each change delivered (at-least-once delivery). Default 3.</summary>
    public int MaxCopies { get; init; } = 3;

    /// <summary>Longest delay, in ticks, before a duplicate copy of a change becomes visible. Default 60.</summary>
    public int MaxDuplicateDelayTicks { get; init; } = 60;

    /// <summary>Batches being processed at once. Default 8.</summary>
    public int MaxInFlight { get; init; } = 8;

    /// <summary>Longest delay, in ticks, before a failed message becomes visible again. Default 30.</summary>
    public int MaxRetryDelayTicks { get; init; } = 30;

    /// <summary>Ticks after which a run that has not gone quiet is declared stuck. Default 5,000,000.</summary>
    public long MaxTicks { get; init; } = 5_000_000;
}
