using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Sweeping;

namespace OrderProcessing.Functions.Sweeping;

/// <summary>
/// A stuck (or nudged) order as operators see it, the status by its wire name: the local host's operator routes answer
/// it and the operator tool prints it, from either target.
/// </summary>
/// <param name="OrderId">The order.</param>
/// <param name="Status">The status it sits in.</param>
/// <param name="Version">Its version.</param>
/// <param name="EnteredAt">When it entered the status.</param>
/// <param name="Nudges">Nudges in this status and version so far.</param>
public sealed record StuckOrderView(string OrderId, string Status, long Version, DateTimeOffset EnteredAt, int Nudges)
{
    /// <summary>The view of <paramref name="order"/>.</summary>
    public static StuckOrderView Of(StuckOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new StuckOrderView(order.OrderId, order.Status.ToWire(), order.Version, order.EnteredAt, order.Nudges);
    }
}
