using System.Text.Json.Serialization;

namespace OrderProcessing.Topology.Events.Sqs;

/// <summary>One failed message of a batch, by message id.</summary>
public sealed record SqsBatchItemFailure
{
    /// <summary>The failed message's <see cref="SqsMessage.MessageId"/>.</summary>
    [JsonPropertyName("itemIdentifier")]
    public string ItemIdentifier { get; init; } = "";
}
