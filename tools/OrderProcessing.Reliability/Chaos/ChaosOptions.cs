using OrderProcessing.Reliability.Dispatch;
using OrderProcessing.Reliability.Faults;

namespace OrderProcessing.Reliability.Chaos;

/// <summary>The size and mix of a fault-injection run. One seed drives the workload, the faults and the delivery order.</summary>
internal sealed record ChaosOptions
{
    /// <summary>Orders placed. Default 500.</summary>
    public int Orders { get; init; } = 500;

    /// <summary>Seed of everything random in the run.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Share of orders a client tries to cancel, at a random point. Default 25%.</summary>
    public double CancelRate { get; init; } = 0.25;

    /// <summary>Share of accepted cancellations the client follows with <c>DELETE</c> straight away. Default 30%.</summary>
    public double DeleteAfterCancelRate { get; init; } = 0.3;

    /// <summary>Time that passes on the run's clock per dispatcher tick (besides a millisecond per clock read). Default 10 ms.</summary>
    public TimeSpan TickDuration { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// The API's settling period before an order that gave up its stock may be deleted, on the run's clock. Like the
    /// production default (a message's longest time in flight), it outlasts the longest stall and retry delays:
    /// default 10 seconds, about 1,000 ticks; stalls last at most 400.
    /// </summary>
    public TimeSpan SettlingPeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Share of orders whose total exceeds the gateway's 10,000 limit. Default 8%.</summary>
    public double OverLimitRate { get; init; } = 0.08;

    /// <summary>Share of order lines for a scarce product, so some orders go out of stock. Default 20%.</summary>
    public double ScarceLineRate { get; init; } = 0.2;

    /// <summary>
    /// Share of the transitions routed to a stage followed, while the message waits in the stage's queue, by a same-status
    /// write of the order through the store (an operator's touch). Default 10%.
    /// </summary>
    public double SameStatusWriteRate { get; init; } = 0.1;

    /// <summary>Ticks between two placements; deliveries run in between. Default 2.</summary>
    public int PlaceEveryTicks { get; init; } = 2;

    /// <summary>Times the operator redrives the dead-letter queues (with faults still on) before the checks. Default 3.</summary>
    public int MaxRedriveRounds { get; init; } = 3;

    /// <summary>Fault rates; their seed is overridden by <see cref="Seed"/>.</summary>
    public FaultOptions Faults { get; init; } = new();

    /// <summary>Delivery behaviour; its seed is overridden by <see cref="Seed"/>.</summary>
    public PipelineOptions Dispatch { get; init; } = new();
}
