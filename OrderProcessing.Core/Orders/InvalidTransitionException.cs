using OrderProcessing.Core.Common;

namespace OrderProcessing.Core.Orders;

/// <summary>An order was asked to move along a transition the lifecycle does not allow. HTTP 409.</summary>
public sealed class InvalidTransitionException : ConflictException
{
    /// <summary>Creates the exception for the rejected move.</summary>
    public InvalidTransitionException(OrderStatus from, OrderStatus to)
        : base($"An order cannot move from {from.ToWire()} to {to.ToWire()}.")
    {
        From = from;
        To = to;
    }

    /// <summary>The order's status.</summary>
    public OrderStatus From { get; }

    /// <summary>The requested status.</summary>
    public OrderStatus To { get; }
}
