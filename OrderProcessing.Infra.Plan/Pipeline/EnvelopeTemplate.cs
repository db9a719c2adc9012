using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OrderProcessing.Topology.Events.Orders;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Infra.Plan.Pipeline;

/// <summary>
/// The stream pipe's input template: it turns a stream record into an <see cref="OrderEventEnvelope"/>, the message every
/// stage queue and every other subscriber of <c>order-events</c> receives. Its property names are read from the record,
/// so the template and the stages' parser cannot disagree; only where each value sits in the stream record is written here.
/// </summary>
public static class EnvelopeTemplate
{
    /// <summary>The stream record path of each envelope member, by C# member name.</summary>
    private static readonly Dictionary<string, string> Paths = new(StringComparer.Ordinal)
    {
        [nameof(OrderEventEnvelope.EventType)] = $"dynamodb.NewImage.{OrderItemAttributes.LastEventType}.S",
        [nameof(OrderEventEnvelope.OrderId)] = $"dynamodb.Keys.{StorageSchema.Orders.PartitionKey.Name}.{StorageSchema.Orders.PartitionKey.TypeCode}",
        [nameof(OrderEventEnvelope.Status)] = $"dynamodb.NewImage.{OrderItemAttributes.EnteredStatus}.S",
        [nameof(OrderEventEnvelope.OccurredAt)] = $"dynamodb.NewImage.{OrderItemAttributes.LastEvent}.M.{OrderEventAttributes.At}.S",
        [nameof(OrderEventEnvelope.Version)] = $"dynamodb.NewImage.{OrderItemAttributes.Version}.N",
        [nameof(OrderEventEnvelope.SequenceNumber)] = "dynamodb.SequenceNumber",
    };

    /// <summary>The envelope's JSON member the stage subscriptions filter on.</summary>
    public static string StatusProperty { get; } = JsonName(nameof(OrderEventEnvelope.Status));

    /// <summary>The envelope's JSON member names, in declaration order.</summary>
    public static IReadOnlyList<string> Properties { get; } = Members().Select(m => JsonName(m.Name)).ToList();

    /// <summary>
    /// The input template. Every placeholder stands for a string and is quoted, as Pipes requires, so the template is itself
    /// valid JSON and every member reaches subscribers as a string (the version too). Throws when the envelope gains a
    /// member this class has no stream path for.
    /// </summary>
    public static string InputTemplate()
    {
        var template = new JsonObject();
        foreach (var member in Members())
        {
            var path = Paths.TryGetValue(member.Name, out var p)
                ? p
                : throw new InvalidOperationException($"{nameof(OrderEventEnvelope)}.{member.Name} has no stream record path in {nameof(EnvelopeTemplate)}.");
            template[JsonName(member.Name)] = $"<$.{path}>";
        }

        return template.ToJsonString(PlanJson.Options);
    }

    private static IEnumerable<PropertyInfo> Members() =>
        typeof(OrderEventEnvelope).GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken);

    private static string JsonName(string member) =>
        typeof(OrderEventEnvelope).GetProperty(member)?.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
        ?? throw new InvalidOperationException($"{nameof(OrderEventEnvelope)}.{member} has no JSON name.");
}
