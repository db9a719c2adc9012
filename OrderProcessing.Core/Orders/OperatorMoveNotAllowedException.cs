using OrderProcessing.Core.Common;

namespace OrderProcessing.Core.Orders;

/// <summary>
/// An operator asked for a move the lifecycle allows but only a pipeline stage may make, because the move records that
/// stage's work (stock reserved, payment captured, shipment created, invoice stored). HTTP 409; the message names the
/// stage and the moves an operator may make instead (<see cref="OrderTransitions.OperatorMoves"/>).
/// </summary>
public sealed class OperatorMoveNotAllowedException : ConflictException
{
    /// <summary>Creates the exception for the move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The order's status.</param>
    /// <param name="to">The requested status.</param>
    /// <param name="stage">The stage that processes orders in <paramref name="from"/> and makes the move, when known.</param>
    public OperatorMoveNotAllowedException(OrderStatus from, OrderStatus to, string? stage)
        : base(MessageFor(from, to, stage))
    {
        From = from;
        To = to;
        Stage = stage;
    }

    /// <summary>The order's status.</summary>
    public OrderStatus From { get; }

    /// <summary>The requested status.</summary>
    public OrderStatus To { get; }

    /// <summary>The pipeline stage that makes this move, or null when the service was not told stage names.</summary>
    public string? Stage { get; }

    private static string MessageFor(OrderStatus from, OrderStatus to, string? stage)
    {
        var maker = stage is null ? $"the pipeline stage that processes {from.ToWire()} orders" : $"the {stage} stage";
        var instead = OrderTransitions.OperatorMoves.Where(m => m.From == from).Select(m => m.To.ToWire()).Order(StringComparer.Ordinal).ToList();
        var alternatives = instead.Count == 0
            ? $"An operator cannot give up a {from.ToWire()} order."
            : $"An operator may only give it up: move it to {string.Join(" or ", instead)}.";
        return $"Only {maker} moves an order from {from.ToWire()} to {to.ToWire()}, once it has done its work; a move by hand would skip that work. {alternatives}";
    }
}
