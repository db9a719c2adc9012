using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using OrderProcessing.DevTools;

namespace OrderProcessing.Testing.Contracts;

/// <summary>
/// The HTTP API's OpenAPI 3.1 document, read from the committed file (<see cref="DocumentFile"/>), never generated from the
/// code it checks: its operations with their access and security, and its component schemas as JSON Schemas (OpenAPI 3.1
/// schemas are JSON Schema 2020-12), so tests can hold the route table and the JSON the API writes against it.
/// </summary>
public static class HttpApiContract
{
    /// <summary>The document, relative to the repository root.</summary>
    public const string DocumentFile = "contracts/http-api/v1/openapi.json";

    /// <summary>The folder of the lint configuration (<c>redocly.yaml</c> and its ignore file), relative to the repository root.</summary>
    public const string LintFolder = "contracts/http-api";

    /// <summary>The extension naming an operation's access: <c>public</c>, <c>customer</c> or <c>operator</c>.</summary>
    public const string AccessExtension = "x-orderprocessing-access";

    /// <summary>The security scheme of signed-in callers (Cognito or local JWTs).</summary>
    public const string BearerScheme = "bearerAuth";

    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private static readonly Lazy<JsonObject> Parsed = new(() => JsonNode.Parse(File.ReadAllText(FullPath))!.AsObject());

    /// <summary>The document's absolute path.</summary>
    public static string FullPath => Path.Combine(RepositoryRoot.Path, DocumentFile);

    /// <summary>The committed document (a fresh copy each call, free to change).</summary>
    public static JsonObject Document => Parsed.Value.DeepClone().AsObject();

    /// <summary>Every operation of the document.</summary>
    public static IReadOnlyList<HttpApiOperation> Operations => OperationsOf(Parsed.Value);

    /// <summary>The operations of <paramref name="document"/>.</summary>
    public static IReadOnlyList<HttpApiOperation> OperationsOf(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var operations = new List<HttpApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject().Where(p => Methods.Contains(p.Key)))
            {
                var security = node!["security"] is JsonArray requirements
                    ? requirements.SelectMany(r => r!.AsObject().Select(s => s.Key)).Distinct().ToList()
                    : null;
                var responses = node["responses"] is JsonObject answers ? answers.Select(r => r.Key).ToList() : [];
                operations.Add(new HttpApiOperation(method.ToUpperInvariant(), path, node[AccessExtension]?.GetValue<string>(), security, responses));
            }
        }

        return operations;
    }

    /// <summary>
    /// What is wrong with <paramref name="json"/> as an instance of the component schema <paramref name="schemaName"/>
    /// (<c>Order</c>, <c>Problem</c>, ...); empty when it conforms. Formats (<c>date-time</c>, <c>email</c>) are asserted.
    /// </summary>
    public static IReadOnlyList<string> Violations(string schemaName, string json)
    {
        // The component schemas become the $defs of one schema whose root refers to the one asked for, so their
        // references (#/components/schemas/X) resolve inside it as #/$defs/X.
        var definitions = Parsed.Value["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var wrapper = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://orderprocessing.invalid/http-api/v1/{schemaName}",
            ["$ref"] = $"#/$defs/{schemaName}",
            ["$defs"] = JsonNode.Parse(definitions),
        };
        if (Parsed.Value["components"]!["schemas"]![schemaName] is null)
        {
            throw new ArgumentException($"The document has no schema {schemaName}.", nameof(schemaName));
        }

        var schema = JsonSchema.FromText(wrapper.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var instance = JsonDocument.Parse(json);
        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
                .DefaultIfEmpty($"{schemaName}: invalid")
                .ToList();
    }
}
