using System.Text.Json;
using OrderProcessing.Core.Orders;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.DynamoDb;
using OrderProcessing.Topology.Events.Sqs;
using OrderProcessing.Topology.Storage;
using OrderProcessing.Transport.ChangeFeed;
using OrderProcessing.Transport.Events;

namespace OrderProcessing.Functions.Tests.Support;

/// <summary>
/// Builds SQS events for stage functions through the in-process transport's factories: each message body is a DynamoDB
/// stream record of an order, as an EventBridge pipe forwards it. Plays the part of Streams, Pipes and SQS in tests.
/// </summary>
internal sealed class StageEventBuilder
{
    private const string Queue = "orderprocessing-test-stage";
    private static readonly StreamRecordFactory Records = StreamRecordFactory.ForTable(StorageSchema.Orders.LogicalName);
    private static readonly DateTimeOffset SentAt = new(2024, 3, 12, 18, 30, 41, TimeSpan.Zero);
    private static long _sequence;
    private readonly List<SqsMessage> _messages = [];

    /// <summary>Adds a message whose record says <paramref name="orderId"/> entered <paramref name="status"/>.</summary>
    public StageEventBuilder Record(string orderId, OrderStatus status, OrderStatus? previous = null, string? messageId = null, int receiveCount = 1, string eventName = "MODIFY")
    {
        var kind = eventName switch
        {
            DynamoDbStreamRecord.Insert => OrderChangeKind.Insert,
            DynamoDbStreamRecord.Remove => OrderChangeKind.Remove,
            _ => OrderChangeKind.Modify,
        };

        // A removal carries the order only as its old image.
        var image = Image(orderId, status);
        var oldImage = kind == OrderChangeKind.Remove ? image : previous is { } p ? Image(orderId, p) : null;
        var record = Records.Create(kind, orderId, oldImage, kind == OrderChangeKind.Remove ? null : image, Interlocked.Increment(ref _sequence), SentAt);
        return Raw(JsonSerializer.Serialize(record, AwsEventJsonContext.Default.DynamoDbStreamRecord), messageId, receiveCount);
    }

    /// <summary>Adds a message with any body (a poison message, for instance).</summary>
    public StageEventBuilder Raw(string body, string? messageId = null, int receiveCount = 1)
    {
        _messages.AddRange(SqsEventFactory.ForBody(body, Queue, SentAt, messageId, receiveCount).Records!.Select(m => m!));
        return this;
    }

    public IReadOnlyList<string> MessageIds => _messages.Select(m => m.MessageId!).ToList();

    public string Build() => JsonSerializer.Serialize(new SqsEvent { Records = _messages }, AwsEventJsonContext.Default.SqsEvent);

    private static Dictionary<string, DynamoDbAttributeValue> Image(string orderId, OrderStatus status) => new(StringComparer.Ordinal)
    {
        [OrderItemAttributes.OrderId] = DynamoDbAttributeValue.String(orderId),
        [OrderItemAttributes.Status] = DynamoDbAttributeValue.String(status.ToWire()),
        [OrderItemAttributes.CustomerId] = DynamoDbAttributeValue.String("c-42"),
        [OrderItemAttributes.Version] = new DynamoDbAttributeValue { N = "1" },
    };
}
