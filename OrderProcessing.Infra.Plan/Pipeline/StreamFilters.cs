using System.Text.Json.Nodes;
using OrderProcessing.Core.Orders;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Infra.Plan.Pipeline;

/// <summary>
/// EventBridge Pipes filter patterns on DynamoDB stream records of the orders table. Only inserts and modifications
/// count: deleting an order never starts a stage or publishes an event.
/// </summary>
public static class StreamFilters
{
    /// <summary>The stream record event names that carry a new image.</summary>
    public static IReadOnlyList<string> Writes { get; } = ["INSERT", "MODIFY"];

    /// <summary>Matches writes whose new image has status <paramref name="status"/>.</summary>
    public static string ForStatus(OrderStatus status) => new JsonObject
    {
        ["eventName"] = Strings(Writes),
        ["dynamodb"] = new JsonObject
        {
            ["NewImage"] = new JsonObject
            {
                [OrderItemAttributes.Status] = new JsonObject { ["S"] = Strings([status.ToWire()]) },
            },
        },
    }.ToJsonString(PlanJson.Options);

    /// <summary>Matches writes whose new image carries an emitted event.</summary>
    public static string ForOrderEvents() => new JsonObject
    {
        ["eventName"] = Strings(Writes),
        ["dynamodb"] = new JsonObject
        {
            ["NewImage"] = new JsonObject
            {
                [OrderItemAttributes.LastEventType] = new JsonObject
                {
                    ["S"] = new JsonArray(new JsonObject { ["exists"] = true }),
                },
            },
        },
    }.ToJsonString(PlanJson.Options);

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
