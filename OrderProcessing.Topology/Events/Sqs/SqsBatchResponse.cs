using System.Text.Json.Serialization;

namespace OrderProcessing.Topology.Events.Sqs;

/// <summary>
/// A partial batch response: the messages named here return to the queue (and reach the dead-letter queue after the
/// receive limit); every other message of the batch is deleted. An empty list means the whole batch succeeded.
/// </summary>
public sealed record SqsBatchResponse
{
    /// <summary>The messages that failed.</summary>
    [JsonPropertyName("batchItemFailures")]
    public IReadOnlyList<SqsBatchItemFailure> BatchItemFailures { get; init; } = [];
}
