using OrderProcessing.Core.Common;

namespace OrderProcessing.Core.Orders;

/// <summary>Only orders in a terminal status may be deleted. HTTP 409.</summary>
public sealed class OrderNotDeletableException(string orderId, OrderStatus status)
    : ConflictException($"Order '{orderId}' is {status.ToWire()}; only completed, out-of-stock, payment-failed or cancelled orders can be deleted.");
