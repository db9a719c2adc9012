using System.Text.Json.Serialization;

namespace OrderProcessing.Topology.Events.Orders;

/// <summary>
/// The one message an order's state transition produces: what the stream pipe publishes to the <c>order-events</c>
/// topic, what every stage queue receives (raw SNS delivery, so the SQS body is this JSON) and what the in-process
/// transport routes. Every member is a string, as an EventBridge Pipes input template produces it.
/// </summary>
public sealed record OrderEventEnvelope
{
    /// <summary>The domain event the transition emitted, <c>order_shipped</c>.</summary>
    [JsonPropertyName("eventType")]
    public string EventType { get; init; } = "";

    /// <summary>The order.</summary>
    [JsonPropertyName("orderId")]
    public string OrderId { get; init; } = "";

    /// <summary>The status the order entered, as its wire name; subscriptions route on it.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = "";

    /// <summary>When the event occurred, as stored on the event.</summary>
    [JsonPropertyName("occurredAt")]
    public string OccurredAt { get; init; } = "";

    /// <summary>The order's version after the transition, as a decimal string.</summary>
    [JsonPropertyName("version")]
    public string Version { get; init; } = "";

    /// <summary>The stream record's sequence number (empty outside AWS).</summary>
    [JsonPropertyName("sequenceNumber")]
    public string SequenceNumber { get; init; } = "";
}
