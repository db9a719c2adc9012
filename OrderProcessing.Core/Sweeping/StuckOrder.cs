using OrderProcessing.Core.Orders;

namespace OrderProcessing.Core.Sweeping;

/// <summary>
/// An order found sitting in a status a stage should have moved it on from: what a nudge needs to re-emit exactly that
/// status (the write is conditional on <see cref="Status"/> and <see cref="Version"/>, so an order that moved on meanwhile
/// is left alone).
/// </summary>
/// <param name="OrderId">The order.</param>
/// <param name="Status">The status it sits in.</param>
/// <param name="Version">Its version; a nudge does not change it.</param>
/// <param name="EnteredAt">When it entered <paramref name="Status"/> (its last transition).</param>
/// <param name="Nudges">How often it was nudged in this status and version so far (0 before the first nudge).</param>
public sealed record StuckOrder(string OrderId, OrderStatus Status, long Version, DateTimeOffset EnteredAt, int Nudges)
{
    /// <summary>The order as a nudge target (no nudges known yet): for an operator who nudges one order by id.</summary>
    public static StuckOrder Of(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new StuckOrder(order.OrderId, order.Status, order.Version, order.UpdatedAt, 0);
    }
}
