using System.Text.Json.Serialization;

namespace OrderProcessing.Infra.Plan.Iam;

/// <summary>One statement of an IAM policy document, serialised with IAM's own property names.</summary>
public sealed record PolicyStatement
{
    /// <summary><c>Allow</c> or <c>Deny</c>.</summary>
    [JsonPropertyName("Effect")]
    public required string Effect { get; init; }

    /// <summary>Who the statement applies to; only in resource and trust policies.</summary>
    [JsonPropertyName("Principal")]
    public IReadOnlyDictionary<string, string>? Principal { get; init; }

    /// <summary>The exact actions.</summary>
    [JsonPropertyName("Action")]
    public required IReadOnlyList<string> Action { get; init; }

    /// <summary>The resource ARNs; absent in trust policies.</summary>
    [JsonPropertyName("Resource")]
    public IReadOnlyList<string>? Resource { get; init; }

    /// <summary>Conditions by operator, then key.</summary>
    [JsonPropertyName("Condition")]
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? Condition { get; init; }

    /// <summary>An <c>Allow</c> of <paramref name="actions"/> on <paramref name="resources"/>.</summary>
    public static PolicyStatement Allow(IEnumerable<string> actions, IEnumerable<string> resources) => new()
    {
        Effect = "Allow",
        Action = actions.ToList(),
        Resource = resources.ToList(),
    };
}
