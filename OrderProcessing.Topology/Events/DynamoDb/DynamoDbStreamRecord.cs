using System.Text.Json.Serialization;

namespace OrderProcessing.Topology.Events.DynamoDb;

/// <summary>
/// One DynamoDB stream record of the orders table: what the stream's one EventBridge pipe reads, filters (transitions
/// only, by the <c>enteredStatus</c> marker) and turns into the order event envelope with its input template.
/// </summary>
public sealed record DynamoDbStreamRecord
{
    /// <summary><c>INSERT</c>.</summary>
    public const string Insert = "INSERT";

    /// <summary><c>MODIFY</c>.</summary>
    public const string Modify = "MODIFY";

    /// <summary><c>REMOVE</c>.</summary>
    public const string Remove = "REMOVE";

    /// <summary>A unique id of the record.</summary>
    [JsonPropertyName("eventID")]
    public string? EventId { get; init; }

    /// <summary><see cref="Insert"/>, <see cref="Modify"/> or <see cref="Remove"/>.</summary>
    [JsonPropertyName("eventName")]
    public string? EventName { get; init; }

    /// <summary>The record format version.</summary>
    [JsonPropertyName("eventVersion")]
    public string? EventVersion { get; init; }

    /// <summary>Always <c>aws:dynamodb</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; init; }

    /// <summary>The table's region.</summary>
    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; init; }

    /// <summary>The change itself: keys and item images.</summary>
    [JsonPropertyName("dynamodb")]
    public DynamoDbStreamChange? DynamoDb { get; init; }

    /// <summary>The stream's ARN.</summary>
    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; init; }

    /// <summary>Set when DynamoDB itself made the change (a time-to-live deletion).</summary>
    [JsonPropertyName("userIdentity")]
    public DynamoDbUserIdentity? UserIdentity { get; init; }
}
