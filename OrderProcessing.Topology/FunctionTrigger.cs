using OrderProcessing.Core.Orders;

namespace OrderProcessing.Topology;

/// <summary>The trigger of a function; for a stage, the order status whose arrival feeds its queue.</summary>
public sealed record FunctionTrigger(TriggerKind Kind, OrderStatus? Status)
{
    /// <summary>An HTTP API trigger.</summary>
    public static FunctionTrigger Http { get; } = new(TriggerKind.Http, null);

    /// <summary>A stage queue fed by orders entering <paramref name="status"/>.</summary>
    public static FunctionTrigger Queue(OrderStatus status) => new(TriggerKind.StageQueue, status);
}
