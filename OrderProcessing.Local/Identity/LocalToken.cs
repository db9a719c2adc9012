using System.Text.Json.Serialization;

namespace OrderProcessing.Local.Identity;

/// <summary>The answer of <c>POST /_local/tokens</c>: the token to send as <c>Authorization: Bearer ...</c>, and when it expires.</summary>
/// <param name="Token">The signed JSON Web Token.</param>
/// <param name="ExpiresAt">Its <c>exp</c>.</param>
public sealed record LocalToken(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expiresAt")] DateTimeOffset ExpiresAt);
