using System.Collections.Frozen;

namespace OrderProcessing.Core.Orders;

/// <summary>
/// The one transition table of the order lifecycle: every allowed move and the event it emits. Anything not listed
/// is rejected with <see cref="InvalidTransitionException"/>.
/// </summary>
public static class OrderTransitions
{
    private static readonly FrozenDictionary<(OrderStatus From, OrderStatus To), string> Table =
        new Dictionary<(OrderStatus, OrderStatus), string>
        {
            [(OrderStatus.Pending, OrderStatus.Reserved)] = OrderEventTypes.Updated,
            [(OrderStatus.Pending, OrderStatus.OutOfStock)] = OrderEventTypes.Failed,
            [(OrderStatus.Reserved, OrderStatus.Paid)] = OrderEventTypes.Updated,
            [(OrderStatus.Reserved, OrderStatus.PaymentFailed)] = OrderEventTypes.Failed,
            [(OrderStatus.Paid, OrderStatus.Shipped)] = OrderEventTypes.Shipped,
            [(OrderStatus.Shipped, OrderStatus.Completed)] = OrderEventTypes.Completed,
            [(OrderStatus.Pending, OrderStatus.Cancelled)] = OrderEventTypes.Cancelled,
            [(OrderStatus.Reserved, OrderStatus.Cancelled)] = OrderEventTypes.Cancelled,
            [(OrderStatus.Paid, OrderStatus.Cancelled)] = OrderEventTypes.Cancelled,
        }.ToFrozenDictionary();

    /// <summary>Every allowed (from, to) pair.</summary>
    public static IReadOnlyCollection<(OrderStatus From, OrderStatus To)> Allowed { get; } = Table.Keys;

    /// <summary>True when the lifecycle allows moving from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool IsAllowed(OrderStatus from, OrderStatus to) => Table.ContainsKey((from, to));

    /// <summary>The event emitted by the move; throws <see cref="InvalidTransitionException"/> when it is not allowed.</summary>
    public static string EventFor(OrderStatus from, OrderStatus to) =>
        Table.TryGetValue((from, to), out var type) ? type : throw new InvalidTransitionException(from, to);

    /// <summary>True for statuses no order leaves: completed, out of stock, payment failed, cancelled.</summary>
    public static bool IsTerminal(OrderStatus status) => !Table.Keys.Any(k => k.From == status);
}
