using System.Text.Json.Serialization;

namespace OrderProcessing.Topology.Events.DynamoDb;

/// <summary>The <c>dynamodb</c> object of a stream record: the item's key and its images before and after the write.</summary>
public sealed record DynamoDbStreamChange
{
    /// <summary>When the change was made, in epoch seconds (fractional when the stream reports milliseconds).</summary>
    [JsonPropertyName("ApproximateCreationDateTime")]
    public double? ApproximateCreationDateTime { get; init; }

    /// <summary>The key attributes of the changed item.</summary>
    [JsonPropertyName("Keys")]
    public IReadOnlyDictionary<string, DynamoDbAttributeValue>? Keys { get; init; }

    /// <summary>The item after the write (absent for a removal, or when the stream does not carry new images).</summary>
    [JsonPropertyName("NewImage")]
    public IReadOnlyDictionary<string, DynamoDbAttributeValue>? NewImage { get; init; }

    /// <summary>The item before the write (absent for an insert, or when the stream does not carry old images).</summary>
    [JsonPropertyName("OldImage")]
    public IReadOnlyDictionary<string, DynamoDbAttributeValue>? OldImage { get; init; }

    /// <summary>The record's position in its shard.</summary>
    [JsonPropertyName("SequenceNumber")]
    public string? SequenceNumber { get; init; }

    /// <summary>The record's size.</summary>
    [JsonPropertyName("SizeBytes")]
    public long? SizeBytes { get; init; }

    /// <summary><c>KEYS_ONLY</c>, <c>NEW_IMAGE</c>, <c>OLD_IMAGE</c> or <c>NEW_AND_OLD_IMAGES</c>.</summary>
    [JsonPropertyName("StreamViewType")]
    public string? StreamViewType { get; init; }
}
