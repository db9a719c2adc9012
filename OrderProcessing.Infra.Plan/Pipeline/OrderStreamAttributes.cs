namespace OrderProcessing.Infra.Plan.Pipeline;

/// <summary>
/// Attributes of an order item that the pipes filter and read on the orders table's stream. The DynamoDB adapter must
/// write them exactly so: a renamed attribute silently stops the pipeline.
/// </summary>
public static class OrderStreamAttributes
{
    /// <summary>The order's status as a string (<c>S</c>) holding the wire name (<c>PAYMENT_FAILED</c>); each stage's pipe filters on it.</summary>
    public const string Status = "status";

    /// <summary>
    /// The type of the domain event the write emitted (<c>order_created</c>, ...), a string (<c>S</c>). Every write that
    /// emits an event sets it; a write that emits none must remove it, or the last event would be published again.
    /// </summary>
    public const string LastEventType = "lastEventType";

    /// <summary>When the last event happened, ISO 8601 (<c>S</c>); copied into the published event.</summary>
    public const string LastEventAt = "lastEventAt";
}
