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

    // The moves an operator may make by hand (see OperatorMoves), a subset of Table.
    private static readonly FrozenSet<(OrderStatus From, OrderStatus To)> Operator = new[]
    {
        (OrderStatus.Pending, OrderStatus.OutOfStock),
        (OrderStatus.Reserved, OrderStatus.PaymentFailed),
        (OrderStatus.Pending, OrderStatus.Cancelled),
        (OrderStatus.Reserved, OrderStatus.Cancelled),
        (OrderStatus.Paid, OrderStatus.Cancelled),
    }.ToFrozenSet();

    /// <summary>Every allowed (from, to) pair.</summary>
    public static IReadOnlyCollection<(OrderStatus From, OrderStatus To)> Allowed { get; } = Table.Keys;

    /// <summary>
    /// The allowed moves an operator may make by hand (<see cref="Order.GiveUp"/>, behind <see cref="OrderService.MoveAsync"/>): only those that give an
    /// order up (<c>PENDING</c> to <c>OUT_OF_STOCK</c>, <c>RESERVED</c> to <c>PAYMENT_FAILED</c>, and to <c>CANCELLED</c>
    /// from <c>PENDING</c>, <c>RESERVED</c> or <c>PAID</c>). The pipeline cleans up after each of them: the stage due
    /// for the order's previous status, queued or in flight, finds the order given up and releases its stock and refunds
    /// a capture, and a cancelled order is compensated. Every other allowed move records the result of a stage's work
    /// (stock reserved, payment captured, shipment created, invoice stored); made by hand it would skip that work, so it
    /// is left to the stage that processes the order's current status.
    /// </summary>
    public static IReadOnlyCollection<(OrderStatus From, OrderStatus To)> OperatorMoves { get; } = Operator;

    /// <summary>True when an operator may move an order from <paramref name="from"/> to <paramref name="to"/> (see <see cref="OperatorMoves"/>).</summary>
    public static bool IsOperatorMove(OrderStatus from, OrderStatus to) => Operator.Contains((from, to));

    /// <summary>True when the lifecycle allows moving from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool IsAllowed(OrderStatus from, OrderStatus to) => Table.ContainsKey((from, to));

    /// <summary>The event emitted by the move; throws <see cref="InvalidTransitionException"/> when it is not allowed.</summary>
    public static string EventFor(OrderStatus from, OrderStatus to) =>
        Table.TryGetValue((from, to), out var type) ? type : throw new InvalidTransitionException(from, to);

    /// <summary>True for statuses no order leaves: completed, out of stock, payment failed, cancelled.</summary>
    public static bool IsTerminal(OrderStatus status) => !Table.Keys.Any(k => k.From == status);
}
