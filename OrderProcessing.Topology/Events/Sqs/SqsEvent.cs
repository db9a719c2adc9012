using System.Text.Json.Serialization;

namespace OrderProcessing.Topology.Events.Sqs;

/// <summary>A batch of SQS messages delivered to a function by an event source mapping.</summary>
public sealed record SqsEvent
{
    /// <summary>The messages, at most the mapping's batch size.</summary>
    [JsonPropertyName("Records")]
    public IReadOnlyList<SqsMessage?>? Records { get; init; }
}
