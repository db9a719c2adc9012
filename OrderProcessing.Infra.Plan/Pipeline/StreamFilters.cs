using System.Text.Json.Nodes;
using OrderProcessing.Core.Orders;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Infra.Plan.Pipeline;

/// <summary>
/// The two filters of the fan-out: the stream pipe's pattern on DynamoDB stream records of the orders table (state
/// transitions only), and each stage subscription's filter policy on the envelope (its own status only).
/// </summary>
public static class StreamFilters
{
    /// <summary>The stream record event names that carry a new image; deleting an order never starts a stage.</summary>
    public static IReadOnlyList<string> Writes { get; } = ["INSERT", "MODIFY"];

    /// <summary>
    /// The pipe's pattern: inserts and modifications whose new image carries the transition marker
    /// <see cref="OrderItemAttributes.EnteredStatus"/>. The order adapter writes the marker only on a state transition and
    /// removes it on every other write, so a same-status write (an operator touch, a tombstone) is never forwarded.
    /// </summary>
    public static string ForTransitions() => new JsonObject
    {
        ["eventName"] = Strings(Writes),
        ["dynamodb"] = new JsonObject
        {
            ["NewImage"] = new JsonObject
            {
                [OrderItemAttributes.EnteredStatus] = new JsonObject
                {
                    ["S"] = new JsonArray(new JsonObject { ["exists"] = true }),
                },
            },
        },
    }.ToJsonString(PlanJson.Options);

    /// <summary>
    /// The SNS filter policy (message-body scope) of the subscription of the stage started by <paramref name="status"/>:
    /// envelopes whose <c>status</c> is exactly that status's wire name.
    /// </summary>
    public static string ForStatus(OrderStatus status) => ForStatuses([status]);

    /// <summary>The SNS filter policy of a subscription to orders entering any of <paramref name="statuses"/> (an event subscriber's).</summary>
    public static string ForStatuses(IReadOnlyList<OrderStatus> statuses) => new JsonObject
    {
        [EnvelopeTemplate.StatusProperty] = Strings((statuses ?? throw new ArgumentNullException(nameof(statuses))).Select(s => s.ToWire())),
    }.ToJsonString(PlanJson.Options);

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
