using OrderProcessing.Core.Orders;

namespace OrderProcessing.Topology;

/// <summary>The trigger of a function; for a stage, the order status whose arrival feeds its queue.</summary>
public sealed record FunctionTrigger(TriggerKind Kind, OrderStatus? Status)
{
    /// <summary>Every status whose arrival feeds the function's queue (the subscription's filter): the stage's one, or an event subscriber's several; empty for HTTP.</summary>
    public IReadOnlyList<OrderStatus> Statuses { get; init; } = Status is { } status ? [status] : [];

    /// <summary>How often a <see cref="TriggerKind.Schedule"/> trigger fires; null for every other kind.</summary>
    public TimeSpan? Every { get; init; }

    /// <summary>True when an SQS queue of its own feeds the function (stages and event subscribers).</summary>
    public bool IsQueue => Kind is TriggerKind.StageQueue or TriggerKind.EventQueue;

    /// <summary>An HTTP API trigger.</summary>
    public static FunctionTrigger Http { get; } = new(TriggerKind.Http, null);

    /// <summary>A stage queue fed by orders entering <paramref name="status"/>.</summary>
    public static FunctionTrigger Queue(OrderStatus status) => new(TriggerKind.StageQueue, status);

    /// <summary>A schedule firing every <paramref name="every"/> (whole minutes: the finest rate EventBridge Scheduler offers).</summary>
    public static FunctionTrigger Schedule(TimeSpan every) => new(TriggerKind.Schedule, null)
    {
        Every = every >= TimeSpan.FromMinutes(1) && every.Ticks % TimeSpan.TicksPerMinute == 0
            ? every
            : throw new ArgumentOutOfRangeException(nameof(every), every, "A schedule fires every whole number of minutes, at least one."),
    };

    /// <summary>An event subscriber's queue fed by orders entering any of <paramref name="statuses"/>.</summary>
    public static FunctionTrigger Events(IReadOnlyList<OrderStatus> statuses) => new(TriggerKind.EventQueue, null)
    {
        Statuses = statuses is { Count: > 0 } ? [.. statuses] : throw new ArgumentException("An event subscriber needs at least one status.", nameof(statuses)),
    };
}
