using System.Text.Json.Serialization;

namespace OrderProcessing.Local.Identity;

/// <summary>The body of <c>POST /_local/tokens</c>: who the token is for (see <see cref="TokenEndpoints"/> for the rules).</summary>
public sealed record LocalTokenRequest
{
    /// <summary>The subject: the customer id (required).</summary>
    [JsonPropertyName("subject")]
    public string? Subject { get; init; }

    /// <summary>The caller's e-mail address (required).</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>The caller's display name (optional).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Groups (optional); <c>operators</c> makes an operator.</summary>
    [JsonPropertyName("groups")]
    public IReadOnlyList<string>? Groups { get; init; }

    /// <summary>Lifetime in seconds (optional, default one hour, at most one day).</summary>
    [JsonPropertyName("lifetimeSeconds")]
    public int? LifetimeSeconds { get; init; }
}
