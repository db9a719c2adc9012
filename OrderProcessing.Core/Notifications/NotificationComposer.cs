using OrderProcessing.Core.Orders;

namespace OrderProcessing.Core.Notifications;

/// <summary>Turns an order's event into the message the customer receives.</summary>
public static class NotificationComposer
{
    /// <summary>The notification for the order's last event.</summary>
    public static CustomerNotification Compose(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var e = order.LastEvent;
        var (subject, body) = e.Status switch
        {
            OrderStatus.Pending => ($"We received your order {order.OrderId}", $"Thank you, {order.Customer.Name}. Your order of {order.Total} is being processed."),
            OrderStatus.Reserved => ($"Your order {order.OrderId} is reserved", "Every item is set aside for you; we are taking payment."),
            OrderStatus.Paid => ($"Payment received for order {order.OrderId}", $"We captured {order.Total}. Your order will ship soon."),
            OrderStatus.Shipped => ($"Your order {order.OrderId} has shipped", $"Tracking number: {order.TrackingNumber}."),
            OrderStatus.Completed => ($"Your invoice for order {order.OrderId}", "Your invoice is ready to download."),
            OrderStatus.OutOfStock => ($"We could not fulfil order {order.OrderId}", $"Sorry: {e.Reason}. You have not been charged."),
            OrderStatus.PaymentFailed => ($"Payment failed for order {order.OrderId}", $"Your payment was not accepted ({e.Reason}). You have not been charged."),
            OrderStatus.Cancelled => ($"Order {order.OrderId} cancelled", "Your order is cancelled; any payment taken will be refunded."),
            _ => ($"Order {order.OrderId} update", $"Your order is now {e.Status.ToWire()}."),
        };
        return new CustomerNotification(e.Type, order.OrderId, order.Customer.Email, subject, body, e.At);
    }
}
