namespace OrderProcessing.Core.Orders;

/// <summary>The names of the domain events an order emits, as published on the <c>order-events</c> topic.</summary>
public static class OrderEventTypes
{
    /// <summary>An order was accepted.</summary>
    public const string Created = "order_created";

    /// <summary>An order moved forward (stock reserved, payment captured).</summary>
    public const string Updated = "order_updated";

    /// <summary>An order ended unsuccessfully (out of stock, payment failed).</summary>
    public const string Failed = "order_failed";

    /// <summary>An order was shipped.</summary>
    public const string Shipped = "order_shipped";

    /// <summary>An order's invoice is ready and the order is complete.</summary>
    public const string Completed = "order_completed";

    /// <summary>An order was cancelled.</summary>
    public const string Cancelled = "order_cancelled";
}
