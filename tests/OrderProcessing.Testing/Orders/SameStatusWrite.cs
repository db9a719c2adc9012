using OrderProcessing.Core.Orders;

namespace OrderProcessing.Testing.Orders;

/// <summary>
/// A write that keeps the order's status (an operator's touch, a raw rewrite): the next version, carrying no new event.
/// It is not a transition, so it carries no transition marker and the pipe forwards nothing.
/// </summary>
public static class SameStatusWrite
{
    /// <summary><paramref name="order"/> as the next version with its status and last event kept, a minute later.</summary>
    public static Order Of(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Order.FromSnapshot(order.ToSnapshot() with { Version = order.Version + 1, UpdatedAt = order.UpdatedAt.AddMinutes(1) });
    }
}
