using System.Text.Json.Serialization;
using OrderProcessing.Topology.Events.DynamoDb;

namespace OrderProcessing.Functions.Stages;

/// <summary>The <c>dynamodb</c> member of a stream record, as far as a stage reads it.</summary>
internal sealed record StageRecordChange
{
    /// <summary>The item's key attributes.</summary>
    [JsonPropertyName("Keys")]
    public IReadOnlyDictionary<string, DynamoDbAttributeValue>? Keys { get; init; }

    /// <summary>The item after the write.</summary>
    [JsonPropertyName("NewImage")]
    public StageRecordImage? NewImage { get; init; }

    /// <summary>The item before the write.</summary>
    [JsonPropertyName("OldImage")]
    public StageRecordImage? OldImage { get; init; }
}
