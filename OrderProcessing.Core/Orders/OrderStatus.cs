namespace OrderProcessing.Core.Orders;

/// <summary>Where an order is in its lifecycle. Written on the wire in upper snake case (<c>PAYMENT_FAILED</c>).</summary>
public enum OrderStatus
{
    /// <summary>Accepted, waiting for stock to be reserved.</summary>
    Pending,

    /// <summary>Every line's stock is reserved; waiting for payment.</summary>
    Reserved,

    /// <summary>Terminal: a line could not be reserved; any partial reservation was released.</summary>
    OutOfStock,

    /// <summary>Payment captured; waiting for shipment.</summary>
    Paid,

    /// <summary>Terminal: payment declined; the reservation was released.</summary>
    PaymentFailed,

    /// <summary>Shipment created and tracking number recorded; waiting for the invoice.</summary>
    Shipped,

    /// <summary>Terminal: the invoice PDF is stored.</summary>
    Completed,

    /// <summary>Terminal: cancelled on request; stock is released and a captured payment refunded.</summary>
    Cancelled,
}
