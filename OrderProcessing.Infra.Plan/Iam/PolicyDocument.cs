using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderProcessing.Infra.Plan.Iam;

/// <summary>An IAM policy document built from objects and serialised with System.Text.Json, never assembled from strings.</summary>
public sealed record PolicyDocument
{
    /// <summary>The policy language version.</summary>
    [JsonPropertyName("Version")]
    public string Version => "2012-10-17";

    /// <summary>The statements, in a stable order.</summary>
    [JsonPropertyName("Statement")]
    public required IReadOnlyList<PolicyStatement> Statement { get; init; }

    /// <summary>The document as IAM expects it.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, PlanJson.Options);
}
