using OrderProcessing.Core.Orders;

namespace OrderProcessing.Core.Pipeline;

/// <summary>What a stage did with one order: moved it to <see cref="NewStatus"/>, or left it (redelivery, out-of-order message, concurrent change).</summary>
public sealed record StageOutcome(string OrderId, OrderStatus? NewStatus, string Detail)
{
    /// <summary>True when the stage wrote a transition.</summary>
    public bool Advanced => NewStatus is not null;

    /// <summary>The order moved to <paramref name="status"/>.</summary>
    public static StageOutcome Moved(string orderId, OrderStatus status, string detail) => new(orderId, status, detail);

    /// <summary>Nothing to do; <paramref name="detail"/> says why.</summary>
    public static StageOutcome Skipped(string orderId, string detail) => new(orderId, null, detail);
}
