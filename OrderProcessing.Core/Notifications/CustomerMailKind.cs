namespace OrderProcessing.Core.Notifications;

/// <summary>The e-mails a customer receives about an order, one per status that matters to them.</summary>
public enum CustomerMailKind
{
    /// <summary>The order was accepted (entered <c>PENDING</c>): its lines, total and shipping address.</summary>
    OrderReceived,

    /// <summary>Payment was declined (entered <c>PAYMENT_FAILED</c>): what to do next.</summary>
    PaymentFailed,

    /// <summary>The order shipped (entered <c>SHIPPED</c>): the tracking number.</summary>
    Shipped,

    /// <summary>The order is complete (entered <c>COMPLETED</c>): the invoice.</summary>
    Completed,

    /// <summary>The order was cancelled (entered <c>CANCELLED</c>), with the refund when a payment was captured.</summary>
    Cancelled,

    /// <summary>The order could not be fulfilled (entered <c>OUT_OF_STOCK</c>).</summary>
    OutOfStock,
}
