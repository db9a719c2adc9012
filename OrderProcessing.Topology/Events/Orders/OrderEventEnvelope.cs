using System.Text.Json.Serialization;

namespace OrderProcessing.Topology.Events.Orders;

/// <summary>
/// The one message about an order's transition: what the orders stream's single pipe makes of a transition record (its
/// input template) and publishes to the <c>order-events</c> topic, so it is the body of every stage queue message (raw
/// delivery) and of every other subscriber's. The in-process transport builds the same record. Every member is a string
/// and always present for a transition write; a stage reads <see cref="OrderId"/> and <see cref="Status"/> and acts on
/// the stored order, never on the envelope.
/// </summary>
public sealed record OrderEventEnvelope
{
    /// <summary>The domain event the write carried, <c>order_shipped</c> (the new image's <c>lastEventType</c>).</summary>
    [JsonPropertyName("eventType")]
    public string? EventType { get; init; }

    /// <summary>The order (the record's key <c>orderId</c>).</summary>
    [JsonPropertyName("orderId")]
    public string? OrderId { get; init; }

    /// <summary>The status the order entered, wire name (the new image's transition marker <c>enteredStatus</c>); subscriptions filter on it.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>When the event happened, UTC ISO 8601 as stored (the new image's <c>lastEvent.at</c>).</summary>
    [JsonPropertyName("occurredAt")]
    public string? OccurredAt { get; init; }

    /// <summary>The order's version after the write, as a decimal string (the new image's <c>version</c>).</summary>
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    /// <summary>The stream record's sequence number: orders the writes of one order.</summary>
    [JsonPropertyName("sequenceNumber")]
    public string? SequenceNumber { get; init; }
}
