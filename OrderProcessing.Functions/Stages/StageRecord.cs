using System.Text.Json.Serialization;

namespace OrderProcessing.Functions.Stages;

/// <summary>
/// The members of a forwarded stream record a stage reads: the event name and, in <see cref="StageRecordChange"/>, the
/// keys and the order id and status of the images. Deserializing only these skips the images' other attributes (lines,
/// history, address) instead of building them, which was most of a stage's work per message.
/// </summary>
internal sealed record StageRecord
{
    /// <summary><c>INSERT</c>, <c>MODIFY</c> or <c>REMOVE</c>.</summary>
    [JsonPropertyName("eventName")]
    public string? EventName { get; init; }

    /// <summary>The change.</summary>
    [JsonPropertyName("dynamodb")]
    public StageRecordChange? DynamoDb { get; init; }
}
