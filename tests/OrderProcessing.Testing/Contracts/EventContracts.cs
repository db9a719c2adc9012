using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using OrderProcessing.DevTools;

namespace OrderProcessing.Testing.Contracts;

/// <summary>
/// The published message contracts: the JSON Schemas committed under <c>contracts/</c> at the repository root, read from
/// those files (never generated from the code they check), so a change to the encoders that breaks a contract fails the
/// tests that validate what the system emits.
/// </summary>
public static class EventContracts
{
    /// <summary>The folder of the order-events schemas of contract version 1.</summary>
    public const string OrderEventsFolder = "contracts/order-events/v1";

    /// <summary>The schema of the batch a queue-fed function is invoked with.</summary>
    public const string StageQueueEventFile = "contracts/stage-queue/v1/sqs-event.schema.json";

    /// <summary>The schema every event type's schema refers to (the shared members).</summary>
    public const string EnvelopeFile = OrderEventsFolder + "/envelope.schema.json";

    /// <summary>The schema of any order event (one of the types).</summary>
    public const string AnyOrderEventFile = OrderEventsFolder + "/order-event.schema.json";

    private static readonly Lazy<Loaded> Schemas = new(Load);

    /// <summary>Every schema file under <c>contracts/</c>, relative to the repository root with forward slashes.</summary>
    public static IReadOnlyList<string> Files => Schemas.Value.ByFile.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>The event types with a schema of their own (<c>order-events/v1/&lt;type&gt;.schema.json</c>).</summary>
    public static IReadOnlyList<string> EventTypes => Schemas.Value.EventTypes;

    /// <summary>The committed text of the schema at <paramref name="file"/> as JSON.</summary>
    public static JsonObject Document(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, file)))!.AsObject();

    /// <summary>The file of event type <paramref name="eventType"/>'s schema.</summary>
    public static string EventTypeFile(string eventType) => $"{OrderEventsFolder}/{eventType}.schema.json";

    /// <summary>What is wrong with <paramref name="json"/> as an instance of the schema at <paramref name="file"/>; empty when it conforms.</summary>
    public static IReadOnlyList<string> Violations(string file, string json)
    {
        var schema = Schemas.Value.ByFile.TryGetValue(file, out var s) ? s : throw new ArgumentException($"No contract schema {file}.", nameof(file));
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
                .DefaultIfEmpty($"{file}: invalid")
                .ToList();
    }

    /// <summary>
    /// What is wrong with <paramref name="json"/> as an order event: checked against the schema of any order event and
    /// against its own type's schema (named by its <c>eventType</c>).
    /// </summary>
    public static IReadOnlyList<string> OrderEventViolations(string json)
    {
        var any = Violations(AnyOrderEventFile, json);
        var type = JsonNode.Parse(json)?["eventType"]?.GetValueKind() == JsonValueKind.String ? JsonNode.Parse(json)!["eventType"]!.GetValue<string>() : null;
        var own = type is not null && EventTypes.Contains(type) ? Violations(EventTypeFile(type), json) : [$"eventType {type ?? "(missing)"} has no schema"];
        return [.. any, .. own];
    }

    /// <summary>
    /// What is wrong with <paramref name="json"/> as the batch a queue-fed function reads: the batch's schema, and each
    /// record's body as an order event (a schema's <c>contentSchema</c> only annotates, so the bodies are checked here).
    /// </summary>
    public static IReadOnlyList<string> StageQueueEventViolations(string json)
    {
        var batch = Violations(StageQueueEventFile, json);
        var bodies = (JsonNode.Parse(json)?["Records"]?.AsArray() ?? [])
            .Select(r => r?["body"]?.GetValue<string>() ?? "null")
            .SelectMany(body => OrderEventViolations(body).Select(v => $"body {body}: {v}"));
        return [.. batch, .. bodies];
    }

    private static Loaded Load()
    {
        var root = Path.Combine(RepositoryRoot.Path, "contracts");
        var files = Directory.GetFiles(root, "*.schema.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f).Replace('\\', '/'))
            .ToList();

        // A schema refers to others by $id; each is built after those it names: the envelope, the types, any event, the batch.
        static int Rank(string file) => file switch
        {
            EnvelopeFile => 0,
            AnyOrderEventFile => 2,
            StageQueueEventFile => 3,
            _ => file.StartsWith(OrderEventsFolder + "/", StringComparison.Ordinal) ? 1 : 4,
        };

        var registry = new SchemaRegistry();
        var options = new BuildOptions { SchemaRegistry = registry };
        var byFile = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var file in files.OrderBy(Rank).ThenBy(f => f, StringComparer.Ordinal))
        {
            var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryRoot.Path, file)), options);
            byFile[file] = schema;
        }

        var types = files
            .Where(f => f.StartsWith(OrderEventsFolder + "/order_", StringComparison.Ordinal))
            .Select(f => Path.GetFileName(f)[..^".schema.json".Length])
            .Order(StringComparer.Ordinal)
            .ToList();
        return new Loaded(byFile, types);
    }

    private sealed record Loaded(IReadOnlyDictionary<string, JsonSchema> ByFile, IReadOnlyList<string> EventTypes);
}
