using System.Globalization;
using System.Text.Json;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.Orders;
using OrderProcessing.Transport.ChangeFeed;

namespace OrderProcessing.Transport.Events;

/// <summary>
/// Builds the <see cref="OrderEventEnvelope"/> the orders stream's pipe makes of a transition write, from the values its
/// input template reads (the new image's event type, marker status, event time as stored, version, and the record's
/// sequence number). In process it plays the pipe: only a change whose write carries the transition marker (the DynamoDB
/// adapter's rule, <see cref="OrderItemMapper.IsTransition"/>) becomes an envelope; any other write is dropped, as the
/// pipe's filter drops it.
/// </summary>
public static class OrderEventEnvelopes
{
    /// <summary>
    /// The envelope of <paramref name="change"/>, or null when the pipe forwards nothing: a removal, the tombstone, or a
    /// write that carries no new event (a same-status write).
    /// </summary>
    public static OrderEventEnvelope? ForChange(OrderChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Kind == OrderChangeKind.Remove || change.NewImage is not { } order || !OrderItemMapper.IsTransition(order))
        {
            return null;
        }

        // What the template reads from the new image: the marker (the status entered), the version, the last event.
        return Create(order.OrderId, order.Status, order.Version, order.LastEvent.Type, order.LastEvent.At, change.SequenceNumber);
    }

    /// <summary>The envelope of <paramref name="orderEvent"/> (a transition's event), written by the stream record numbered <paramref name="sequenceNumber"/>.</summary>
    public static OrderEventEnvelope Of(OrderEvent orderEvent, long sequenceNumber)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        return Create(orderEvent.OrderId, orderEvent.Status, orderEvent.Version, orderEvent.Type, orderEvent.At, sequenceNumber);
    }

    private static OrderEventEnvelope Create(string orderId, OrderStatus status, long version, string eventType, DateTimeOffset occurredAt, long sequenceNumber) => new()
    {
        EventType = eventType,
        OrderId = orderId,
        Status = status.ToWire(),
        OccurredAt = StoredTime.ToText(occurredAt),
        Version = version.ToString(CultureInfo.InvariantCulture),

        // A stream sequence number is a decimal string of up to 21 digits; fixed width keeps string order.
        SequenceNumber = sequenceNumber.ToString("D21", CultureInfo.InvariantCulture),
    };

    /// <summary>The JSON of <paramref name="envelope"/>, as the topic delivers it raw as a queue message's body.</summary>
    public static string ToJson(OrderEventEnvelope envelope) =>
        JsonSerializer.Serialize(envelope ?? throw new ArgumentNullException(nameof(envelope)), AwsEventJsonContext.Default.OrderEventEnvelope);
}
