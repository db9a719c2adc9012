using System.Globalization;
using System.Text.Json;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Events;
using OrderProcessing.Functions.Events.DynamoDb;
using OrderProcessing.Functions.Storage;

namespace OrderProcessing.Local.ChangeFeed;

/// <summary>
/// Writes a change as the DynamoDB stream record of the orders table (view <c>NEW_AND_OLD_IMAGES</c>) that an EventBridge
/// pipe forwards, unchanged, as a stage queue message body: the functions' own event contract, serialized with their
/// JSON context, keys named by the storage schema and images from <paramref name="image"/>.
/// </summary>
public sealed class OrderStreamRecordEncoder(
    Func<OrderSnapshot, IReadOnlyDictionary<string, DynamoDbAttributeValue>> image,
    string region,
    string accountId,
    string tableName) : IStreamRecordEncoder
{
    // A stream's label is the time it was enabled; the local feed's is fixed.
    private const string StreamLabel = "2026-01-01T00:00:00.000";

    /// <inheritdoc />
    public string Encode(OrderChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var key = StorageSchema.Orders.PartitionKey;
        var record = new DynamoDbStreamRecord
        {
            EventId = Guid.NewGuid().ToString("N"),
            EventName = change.Kind switch
            {
                OrderChangeKind.Insert => DynamoDbStreamRecord.Insert,
                OrderChangeKind.Modify => DynamoDbStreamRecord.Modify,
                _ => DynamoDbStreamRecord.Remove,
            },
            EventVersion = "1.1",
            EventSource = "aws:dynamodb",
            AwsRegion = region,
            DynamoDb = new DynamoDbStreamChange
            {
                ApproximateCreationDateTime = change.At.ToUnixTimeMilliseconds() / 1000.0,
                Keys = new Dictionary<string, DynamoDbAttributeValue> { [key.Name] = DynamoDbAttributeValue.String(change.OrderId) },
                NewImage = change.NewImage is null ? null : image(change.NewImage),
                OldImage = change.OldImage is null ? null : image(change.OldImage),
                SequenceNumber = change.SequenceNumber.ToString("D21", CultureInfo.InvariantCulture),
                StreamViewType = "NEW_AND_OLD_IMAGES",
            },
            EventSourceArn = $"arn:aws:dynamodb:{region}:{accountId}:table/{tableName}/stream/{StreamLabel}",
        };
        var json = JsonSerializer.Serialize(record, AwsEventJsonContext.Default.DynamoDbStreamRecord);

        // SizeBytes is the size of the images; the record's own JSON length is a faithful enough stand-in.
        return JsonSerializer.Serialize(record with { DynamoDb = record.DynamoDb with { SizeBytes = json.Length } }, AwsEventJsonContext.Default.DynamoDbStreamRecord);
    }
}
