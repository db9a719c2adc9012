namespace OrderProcessing.Core.Orders;

/// <summary>
/// The domain event a transition emits. It is written with the order in the same item, so the change feed carries
/// it atomically with the state; the notification pipe publishes it.
/// </summary>
/// <param name="Type">One of <see cref="OrderEventTypes"/>.</param>
/// <param name="OrderId">The order.</param>
/// <param name="Status">The status entered.</param>
/// <param name="PreviousStatus">The status left, or null on creation.</param>
/// <param name="Version">The order version this event belongs to.</param>
/// <param name="At">When the transition happened.</param>
/// <param name="Reason">Why it happened, for the customer and operators.</param>
public sealed record OrderEvent(string Type, string OrderId, OrderStatus Status, OrderStatus? PreviousStatus, long Version, DateTimeOffset At, string Reason);
