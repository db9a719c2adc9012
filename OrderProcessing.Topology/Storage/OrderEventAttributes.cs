namespace OrderProcessing.Topology.Storage;

/// <summary>Field names of the <see cref="OrderItemAttributes.LastEvent"/> map, the event the notification pipe publishes.</summary>
public static class OrderEventAttributes
{
    /// <summary>Event type, <c>order_created</c> (S).</summary>
    public const string Type = "type";

    /// <summary>The order (S).</summary>
    public const string OrderId = "orderId";

    /// <summary>Status entered, wire name (S).</summary>
    public const string Status = "status";

    /// <summary>Status left, wire name (S; absent on creation).</summary>
    public const string PreviousStatus = "previousStatus";

    /// <summary>Order version the event belongs to (N).</summary>
    public const string Version = "version";

    /// <summary>When it happened, UTC ISO 8601 (S).</summary>
    public const string At = "at";

    /// <summary>Why it happened (S).</summary>
    public const string Reason = "reason";
}
