using System.Text.Json.Serialization;
using OrderProcessing.Topology.Events.DynamoDb;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Functions.Stages;

/// <summary>The two attributes of an order image a stage reads; the others are skipped.</summary>
internal sealed record StageRecordImage
{
    /// <summary>The order id (<see cref="OrderItemAttributes.OrderId"/>).</summary>
    [JsonPropertyName(OrderItemAttributes.OrderId)]
    public DynamoDbAttributeValue? OrderId { get; init; }

    /// <summary>The order's status (<see cref="OrderItemAttributes.Status"/>).</summary>
    [JsonPropertyName(OrderItemAttributes.Status)]
    public DynamoDbAttributeValue? Status { get; init; }
}
