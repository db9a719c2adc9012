using System.Globalization;
using System.Text;
using System.Text.Json;
using OrderProcessing.Core.Orders;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.DynamoDb;
using OrderProcessing.Topology.Storage;
using OrderProcessing.Transport.ChangeFeed;

namespace OrderProcessing.Transport.Events;

/// <summary>
/// Writes a change as the DynamoDB stream record of the orders table (view <c>NEW_AND_OLD_IMAGES</c>) that an EventBridge
/// pipe forwards, unchanged, as a stage queue message body: the functions' own event contract, serialized with their
/// JSON context, keys named by the storage schema and images from <paramref name="image"/> (normally
/// <see cref="OrderImages.Of"/>).
/// </summary>
public sealed class StreamRecordFactory(
    Func<OrderSnapshot, IReadOnlyDictionary<string, DynamoDbAttributeValue>> image,
    string region,
    string accountId,
    string tableName) : IStreamRecordEncoder
{
    // A stream's label is the time it was enabled; the local feed's is fixed.
    private const string StreamLabel = "2026-01-01T00:00:00.000";

    /// <summary>The factory for the orders table named <paramref name="tableName"/> whose images are the DynamoDB adapter's items.</summary>
    public static StreamRecordFactory ForTable(string tableName, string region = "us-east-1", string accountId = "000000000000") =>
        new(OrderImages.Of, region, accountId, tableName);

    /// <inheritdoc />
    public string Encode(OrderChange change) =>
        JsonSerializer.Serialize(Create(change), AwsEventJsonContext.Default.DynamoDbStreamRecord);

    /// <summary>The stream record of <paramref name="change"/>.</summary>
    public DynamoDbStreamRecord Create(OrderChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Create(
            change.Kind,
            change.OrderId,
            change.OldImage is null ? null : image(change.OldImage),
            change.NewImage is null ? null : image(change.NewImage),
            change.SequenceNumber,
            change.At);
    }

    /// <summary>
    /// The stream record of a write of <paramref name="orderId"/> with the given images as they are (a test's partial
    /// image, for instance), numbered <paramref name="sequenceNumber"/> and observed at <paramref name="at"/>.
    /// </summary>
    public DynamoDbStreamRecord Create(
        OrderChangeKind kind,
        string orderId,
        IReadOnlyDictionary<string, DynamoDbAttributeValue>? oldImage,
        IReadOnlyDictionary<string, DynamoDbAttributeValue>? newImage,
        long sequenceNumber,
        DateTimeOffset at)
    {
        var key = StorageSchema.Orders.PartitionKey;
        var keys = new Dictionary<string, DynamoDbAttributeValue> { [key.Name] = DynamoDbAttributeValue.String(orderId) };
        return new DynamoDbStreamRecord
        {
            EventId = Guid.NewGuid().ToString("N"),
            EventName = kind switch
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
                ApproximateCreationDateTime = at.ToUnixTimeMilliseconds() / 1000.0,
                Keys = keys,
                NewImage = newImage,
                OldImage = oldImage,
                SizeBytes = ItemSize(keys) + ItemSize(newImage) + ItemSize(oldImage),
                SequenceNumber = sequenceNumber.ToString("D21", CultureInfo.InvariantCulture),
                StreamViewType = "NEW_AND_OLD_IMAGES",
            },
            EventSourceArn = $"arn:aws:dynamodb:{region}:{accountId}:table/{tableName}/stream/{StreamLabel}",
        };
    }

    // SizeBytes is the size of the keys and images as DynamoDB counts item size (attribute names and values, not the
    // JSON around them), computed from the attributes rather than by serializing the record twice.
    private static long ItemSize(IReadOnlyDictionary<string, DynamoDbAttributeValue>? item)
    {
        long size = 0;
        foreach (var (name, value) in item ?? EmptyItem)
        {
            size += Encoding.UTF8.GetByteCount(name) + ValueSize(value);
        }

        return size;
    }

    private static long ValueSize(DynamoDbAttributeValue value) => value switch
    {
        { S: { } s } => Encoding.UTF8.GetByteCount(s),
        { N: { } n } => (n.Length + 1) / 2 + 1,
        { B: { } b } => b.Length * 3 / 4,
        { M: { } m } => 3 + ItemSize(m),
        { L: { } l } => 3 + l.Sum(v => 1 + ValueSize(v)),
        { SS: { } ss } => ss.Sum(v => (long)Encoding.UTF8.GetByteCount(v)),
        { NS: { } ns } => ns.Sum(v => (long)((v.Length + 1) / 2 + 1)),
        { BS: { } bs } => bs.Sum(v => (long)(v.Length * 3 / 4)),
        _ => 1,
    };

    private static readonly Dictionary<string, DynamoDbAttributeValue> EmptyItem = [];
}
