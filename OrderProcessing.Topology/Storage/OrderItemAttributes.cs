namespace OrderProcessing.Topology.Storage;

/// <summary>
/// Attribute names of an order item. The order is stored as attributes, not one blob, so a stream image is readable:
/// the one pipe forwards only writes whose new image carries the transition marker <see cref="EnteredStatus"/>, and its
/// envelope takes the event from <c>dynamodb.NewImage.lastEventType.S</c> (<see cref="LastEventType"/>). Infrastructure and functions reference these
/// constants instead of repeating the strings.
/// </summary>
public static class OrderItemAttributes
{
    /// <summary>Table partition key (S).</summary>
    public const string OrderId = "orderId";

    /// <summary>Customer identifier (S); partition key of the <c>byCustomer</c> index.</summary>
    public const string CustomerId = "customerId";

    /// <summary>Customer email (S).</summary>
    public const string CustomerEmail = "customerEmail";

    /// <summary>Customer name (S).</summary>
    public const string CustomerName = "customerName";

    /// <summary>Current status as its wire name, <c>PAYMENT_FAILED</c> (S).</summary>
    public const string Status = "status";

    /// <summary>Optimistic version (N): 1 on creation, +1 per transition.</summary>
    public const string Version = "version";

    /// <summary>ISO 4217 code shared by every line (S).</summary>
    public const string Currency = "currency";

    /// <summary>The lines (L of M: <c>productId</c>, <c>name</c>, <c>quantity</c> N, <c>unitPrice</c> N).</summary>
    public const string Lines = "lines";

    /// <summary>Shipping address (M: <c>line1</c>, <c>line2</c>?, <c>city</c>, <c>region</c>?, <c>postalCode</c>, <c>country</c>).</summary>
    public const string ShippingAddress = "shippingAddress";

    /// <summary>Payment method token given at order time (S).</summary>
    public const string PaymentToken = "paymentToken";

    /// <summary>Gateway payment id once captured (S, absent before).</summary>
    public const string PaymentId = "paymentId";

    /// <summary>Carrier tracking number once shipped (S, absent before).</summary>
    public const string TrackingNumber = "trackingNumber";

    /// <summary>Invoice storage key once rendered (S, absent before).</summary>
    public const string InvoiceKey = "invoiceKey";

    /// <summary>Creation time, UTC, fixed-width ISO 8601 with 100 ns digits (S).</summary>
    public const string CreatedAt = "createdAt";

    /// <summary>Time of the last transition, same format (S).</summary>
    public const string UpdatedAt = "updatedAt";

    /// <summary>Every status entered, oldest first (L of M: <c>status</c>, <c>at</c>, <c>reason</c>).</summary>
    public const string History = "history";

    /// <summary>Type of the event the last write emitted, <c>order_shipped</c> (S). The envelope's <c>eventType</c>.</summary>
    public const string LastEventType = "lastEventType";

    /// <summary>The event the last write emitted (M, fields named by <see cref="OrderEventAttributes"/>).</summary>
    public const string LastEvent = "lastEvent";

    /// <summary>
    /// The transition marker (S): the status the order entered, written only by a write that is a transition (the one
    /// that carries the order's new domain event: an insert and every status change) and removed by every other write (a
    /// same-status write, the tombstone). The stream's pipe forwards only new images that carry it, so a same-status
    /// write never sends the order to a stage again.
    /// </summary>
    public const string EnteredStatus = "enteredStatus";

    /// <summary>
    /// How often the sweeper nudged the order in its current status and version (N): a nudge only increments it (that
    /// change is what makes the stream carry the item again, with its transition marker, as the same transition), and the
    /// next transition removes it, so a count above 1 is an order stuck twice.
    /// </summary>
    public const string Nudges = "nudges";

    /// <summary>When the sweeper last nudged the order (S, as <see cref="UpdatedAt"/>); removed with <see cref="Nudges"/>.</summary>
    public const string NudgedAt = "nudgedAt";

    /// <summary>
    /// Marks the tombstone of a deleted order (BOOL, true). A tombstone has only <see cref="OrderId"/>, this marker and
    /// <see cref="ExpiresAt"/>: no status and no transition marker (the pipe forwards nothing), no event (nothing is published) and no index key (no
    /// listing shows it), while its id stays taken, so a replayed <c>Idempotency-Key</c> cannot create the order again.
    /// </summary>
    public const string Deleted = "deleted";

    /// <summary>Expiry of a tombstone in epoch seconds, rounded up (N): the table's time-to-live attribute. Orders never carry it.</summary>
    public const string ExpiresAt = "expiresAt";

    /// <summary>Sort key of every orders index (S): creation time (as <see cref="CreatedAt"/>) + <c>#</c> + order id, so it sorts by time then id.</summary>
    public const string CreatedKey = "createdKey";

    /// <summary>Partition key of the <c>byStatus</c> index (S): <c>{STATUS}#{shard}</c>.</summary>
    public const string StatusShard = "statusShard";

    /// <summary>Partition key of the <c>byTime</c> index (S): <c>all#{shard}</c>.</summary>
    public const string TimeShard = "timeShard";
}
