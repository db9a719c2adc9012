using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.DynamoDb;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Integration.Tests.EndToEnd;

/// <summary>
/// Builds the DynamoDB stream record that the orders table's stream would carry for one write (keys, new and old
/// images in DynamoDB JSON), as an EventBridge pipe puts it in an SQS message body.
/// </summary>
internal static class StreamRecords
{
    private static long _sequence = 4_200_000_000_000_000_000L;

    public static string For(IReadOnlyDictionary<string, AttributeValue> newImage, IReadOnlyDictionary<string, AttributeValue>? oldImage)
    {
        var orderId = newImage[OrderItemAttributes.OrderId].S;
        var record = new DynamoDbStreamRecord
        {
            EventId = Guid.NewGuid().ToString("N"),
            EventName = oldImage is null ? DynamoDbStreamRecord.Insert : DynamoDbStreamRecord.Modify,
            EventVersion = "1.1",
            EventSource = "aws:dynamodb",
            AwsRegion = "us-east-1",
            EventSourceArn = "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2024-01-01T00:00:00.000",
            DynamoDb = new DynamoDbStreamChange
            {
                ApproximateCreationDateTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                Keys = new Dictionary<string, DynamoDbAttributeValue> { [OrderItemAttributes.OrderId] = DynamoDbAttributeValue.String(orderId) },
                NewImage = Convert(newImage),
                OldImage = oldImage is null ? null : Convert(oldImage),
                SequenceNumber = Interlocked.Increment(ref _sequence).ToString(System.Globalization.CultureInfo.InvariantCulture),
                SizeBytes = 1024,
                StreamViewType = "NEW_AND_OLD_IMAGES",
            },
        };
        return JsonSerializer.Serialize(record, AwsEventJsonContext.Default.DynamoDbStreamRecord);
    }

    private static Dictionary<string, DynamoDbAttributeValue> Convert(IReadOnlyDictionary<string, AttributeValue> item) =>
        item.ToDictionary(a => a.Key, a => Convert(a.Value), StringComparer.Ordinal);

    private static DynamoDbAttributeValue Convert(AttributeValue value)
    {
        if (value.S is not null)
        {
            return new DynamoDbAttributeValue { S = value.S };
        }

        if (value.N is not null)
        {
            return new DynamoDbAttributeValue { N = value.N };
        }

        if (value.B is not null)
        {
            return new DynamoDbAttributeValue { B = System.Convert.ToBase64String(value.B.ToArray()) };
        }

        if (value.BOOL is { } flag)
        {
            return new DynamoDbAttributeValue { Bool = flag };
        }

        if (value.NULL == true)
        {
            return new DynamoDbAttributeValue { Null = true };
        }

        if (value.SS is { Count: > 0 })
        {
            return new DynamoDbAttributeValue { SS = value.SS.ToList() };
        }

        if (value.NS is { Count: > 0 })
        {
            return new DynamoDbAttributeValue { NS = value.NS.ToList() };
        }

        if (value.M is not null)
        {
            return new DynamoDbAttributeValue { M = Convert(value.M) };
        }

        if (value.L is not null)
        {
            return new DynamoDbAttributeValue { L = value.L.Select(Convert).ToList() };
        }

        throw new NotSupportedException("An attribute value of a type the orders table does not use.");
    }
}
