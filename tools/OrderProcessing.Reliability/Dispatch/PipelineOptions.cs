using OrderProcessing.Transport.Delivery;

namespace OrderProcessing.Reliability.Dispatch;

/// <summary>How the chaos pipeline delivers. Receive limits and batch sizes come from the topology, not from here.</summary>
internal sealed record PipelineOptions
{
    /// <summary>
    /// The transport's chaos delivery, in ticks of <see cref="LogicalClock"/>: one to three copies of each change, a
    /// duplicate visible up to 60 ticks later, a failed message back after 1 to 30 ticks. Its seed is the run's.
    /// </summary>
    public ChaosDeliveryOptions Delivery { get; init; } = new()
    {
        MinCopies = 1,
        MaxCopies = 3,
        MaxDuplicateDelay = LogicalClock.Ticks(60),
        MinRetryDelay = LogicalClock.Ticks(1),
        MaxRetryDelay = LogicalClock.Ticks(30),
        Step = LogicalClock.Ticks(1),
    };

    /// <summary>Batches being processed at once. Default 8.</summary>
    public int MaxInFlight { get; init; } = 8;

    /// <summary>Ticks after which a run that has not gone quiet is declared stuck. Default 5,000,000.</summary>
    public long MaxTicks { get; init; } = 5_000_000;
}
