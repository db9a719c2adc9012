using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.DynamoDb;
using OrderProcessing.Topology.Events.Sqs;

namespace OrderProcessing.Benchmarks.Events;

/// <summary>
/// SQS events of stage queues as Lambda's event source mapping delivers them: each body is the orders table's stream
/// record (new and old images, from the DynamoDB adapter's own item mapping) as an EventBridge pipe forwards it.
/// </summary>
public static class StageEvents
{
    private static long _sequence;

    /// <summary>An SQS event of one message: <paramref name="order"/> has just entered its status from <paramref name="previous"/>.</summary>
    public static byte[] ForTransition(Order order, OrderStatus? previous, string queueName)
    {
        ArgumentNullException.ThrowIfNull(order);
        var body = JsonSerializer.Serialize(StreamRecord(order, previous), AwsEventJsonContext.Default.DynamoDbStreamRecord);
        var sqsEvent = new SqsEvent
        {
            Records =
            [
                new SqsMessage
                {
                    MessageId = Guid.NewGuid().ToString(),
                    ReceiptHandle = "AQEB" + Guid.NewGuid().ToString("N"),
                    Body = body,
                    Attributes = new Dictionary<string, string?>
                    {
                        ["ApproximateReceiveCount"] = "1",
                        ["SentTimestamp"] = "1710268241123",
                        ["SenderId"] = "AROAEXAMPLEPIPEROLE:pipes-session",
                        ["ApproximateFirstReceiveTimestamp"] = "1710268241130",
                    },
                    MessageAttributes = new Dictionary<string, SqsMessageAttribute?>(),
                    Md5OfBody = "99914b932bd37a50b983c5e7c90ae93b",
                    EventSource = "aws:sqs",
                    EventSourceArn = $"arn:aws:sqs:us-east-1:123456789012:{queueName}",
                    AwsRegion = "us-east-1",
                },
            ],
        };
        return JsonSerializer.SerializeToUtf8Bytes(sqsEvent, AwsEventJsonContext.Default.SqsEvent);
    }

    /// <summary>The stream record of <paramref name="order"/>'s last write.</summary>
    public static DynamoDbStreamRecord StreamRecord(Order order, OrderStatus? previous)
    {
        ArgumentNullException.ThrowIfNull(order);
        var snapshot = order.ToSnapshot();
        var newImage = Convert(OrderItemMapper.ToItem(snapshot));
        var oldImage = previous is { } p ? Convert(OrderItemMapper.ToItem(snapshot with { Status = p, Version = snapshot.Version - 1 })) : null;
        return new DynamoDbStreamRecord
        {
            EventId = Guid.NewGuid().ToString("N"),
            EventName = previous is null ? DynamoDbStreamRecord.Insert : DynamoDbStreamRecord.Modify,
            EventVersion = "1.1",
            EventSource = "aws:dynamodb",
            AwsRegion = "us-east-1",
            DynamoDb = new DynamoDbStreamChange
            {
                ApproximateCreationDateTime = 1710268241,
                Keys = new Dictionary<string, DynamoDbAttributeValue> { ["orderId"] = DynamoDbAttributeValue.String(order.OrderId) },
                NewImage = newImage,
                OldImage = oldImage,
                SequenceNumber = Interlocked.Increment(ref _sequence).ToString("D21", CultureInfo.InvariantCulture),
                SizeBytes = 2048,
                StreamViewType = "NEW_AND_OLD_IMAGES",
            },
            EventSourceArn = "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2024-03-12T18:30:41.123",
        };
    }

    private static Dictionary<string, DynamoDbAttributeValue> Convert(Dictionary<string, AttributeValue> item) =>
        item.ToDictionary(a => a.Key, a => Convert(a.Value), StringComparer.Ordinal);

    private static DynamoDbAttributeValue Convert(AttributeValue value) => value switch
    {
        { S: { } s } => new DynamoDbAttributeValue { S = s },
        { N: { } n } => new DynamoDbAttributeValue { N = n },
        { BOOL: { } b } => new DynamoDbAttributeValue { Bool = b },
        { NULL: true } => new DynamoDbAttributeValue { Null = true },
        { M: { } m } => new DynamoDbAttributeValue { M = Convert(m) },
        { L: { } l } => new DynamoDbAttributeValue { L = l.Select(Convert).ToList() },
        { SS: { Count: > 0 } ss } => new DynamoDbAttributeValue { SS = ss },
        { NS: { Count: > 0 } ns } => new DynamoDbAttributeValue { NS = ns },
        _ => new DynamoDbAttributeValue { Null = true },
    };
}
