namespace OrderProcessing.Transport.Delivery;

/// <summary>How hostile <see cref="ChaosDelivery"/> is, within what SQS's contract allows.</summary>
public sealed record ChaosDeliveryOptions
{
    /// <summary>Seed of duplication, reordering, batching and retry delays: the same seed gives the same run.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Fewest copies of each change delivered. Default 1.</summary>
    public int MinCopies { get; init; } = 1;

    /// <summary>Most copies of each change delivered (at-least-once delivery). Default 3.</summary>
    public int MaxCopies { get; init; } = 3;

    /// <summary>Longest delay before a duplicate copy of a change becomes visible (as a pipe's retry would deliver it). Default 600 ms.</summary>
    public TimeSpan MaxDuplicateDelay { get; init; } = TimeSpan.FromMilliseconds(600);

    /// <summary>Shortest delay before a failed message becomes visible again. Default 10 ms.</summary>
    public TimeSpan MinRetryDelay { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Longest delay before a failed message becomes visible again. Default 300 ms.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>The granularity of the random delays (they are whole multiples of it). Default 10 ms.</summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromMilliseconds(10);
}
