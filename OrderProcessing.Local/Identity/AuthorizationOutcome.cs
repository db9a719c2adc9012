using System.Text.Json;

namespace OrderProcessing.Local.Identity;

/// <summary>What the local authorizer decided for one request.</summary>
/// <param name="Refusal">Why the request is refused (answered <c>401</c>), or null when it goes on to the function.</param>
/// <param name="Authorizer">The proxy event's <c>requestContext.authorizer</c> (the verified claims), or null when no authorizer ran.</param>
public sealed record AuthorizationOutcome(string? Refusal, JsonElement? Authorizer)
{
    /// <summary>The request goes on without an authorizer (a public route, or checking is off).</summary>
    public static AuthorizationOutcome Unguarded { get; } = new(null, null);
}
