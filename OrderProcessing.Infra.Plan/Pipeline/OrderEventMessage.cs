using System.Text.Json.Nodes;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Infra.Plan.Pipeline;

/// <summary>
/// The message the order events pipe publishes to the <c>order-events</c> topic, as an EventBridge Pipes input template
/// over the stream record. Subscribers get a small, stable JSON event instead of DynamoDB's typed record.
/// </summary>
public static class OrderEventMessage
{
    /// <summary>Property names of the published message.</summary>
    public static IReadOnlyList<string> Properties { get; } = ["eventType", "orderId", "status", "occurredAt", "sequenceNumber"];

    /// <summary>
    /// The input template. Every placeholder stands for a string and is quoted, as Pipes requires, so the template is itself
    /// valid JSON.
    /// </summary>
    public static string InputTemplate() => new JsonObject
    {
        ["eventType"] = Placeholder($"dynamodb.NewImage.{OrderItemAttributes.LastEventType}.S"),
        ["orderId"] = Placeholder($"dynamodb.Keys.{StorageSchema.Orders.PartitionKey.Name}.{StorageSchema.Orders.PartitionKey.TypeCode}"),
        ["status"] = Placeholder($"dynamodb.NewImage.{OrderItemAttributes.Status}.S"),
        ["occurredAt"] = Placeholder($"dynamodb.NewImage.{OrderItemAttributes.LastEvent}.M.{OrderEventAttributes.At}.S"),
        ["sequenceNumber"] = Placeholder("dynamodb.SequenceNumber"),
    }.ToJsonString(PlanJson.Options);

    private static string Placeholder(string path) => $"<$.{path}>";
}
