using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderProcessing.Infra.Plan;

/// <summary>
/// How the plan writes JSON for AWS: compact, nulls omitted, and without HTML escaping, so Pipes placeholders such as
/// <c>&lt;$.dynamodb.Keys&gt;</c> survive as written.
/// </summary>
internal static class PlanJson
{
    /// <summary>The serializer options of every document the plan writes.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
