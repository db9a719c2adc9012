using System.Text.Json;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Functions.Api.Callers;

/// <summary>
/// Reads the caller from <c>requestContext.authorizer.claims</c>, the one place the function trusts (API Gateway's
/// authorizer or the local host verified the token and put its claims there; never a header or the body).
/// </summary>
internal sealed class CallerResolver(ApiAuthMode mode)
{
    public Caller Resolve(ApiGatewayRequestContext? context)
    {
        var claims = Claims(context);
        if (mode != ApiAuthMode.Cognito)
        {
            // The gateway authenticated a machine caller, or nothing is checked: every caller is an operator. Claims, when
            // some arrive anyway, only lend /customers/me an identity.
            return claims is { } c && Text(c, CallerClaims.Subject) is { } id
                ? Caller.Operator(id, Text(c, CallerClaims.Email), Text(c, CallerClaims.Name))
                : Caller.Machine;
        }

        if (claims is not { } verified || Text(verified, CallerClaims.Subject) is not { } subject)
        {
            return Caller.Anonymous;
        }

        var email = Text(verified, CallerClaims.Email);
        var name = Text(verified, CallerClaims.Name);
        return IsOperator(verified) ? Caller.Operator(subject, email, name) : Caller.Customer(subject, email, name);
    }

    /// <summary>
    /// Whether <c>cognito:groups</c> names the operators group. The REST API's Cognito authorizer passes every claim as a
    /// string, a list of groups as <c>a,b</c> (HTTP APIs write <c>[a b]</c>); the local host may pass a JSON array.
    /// </summary>
    internal static bool IsOperator(JsonElement claims)
    {
        if (!claims.TryGetProperty(CallerClaims.Groups, out var groups))
        {
            return false;
        }

        if (groups.ValueKind == JsonValueKind.Array)
        {
            foreach (var group in groups.EnumerateArray())
            {
                if (group.ValueKind == JsonValueKind.String && group.ValueEquals(CallerClaims.OperatorsGroup))
                {
                    return true;
                }
            }

            return false;
        }

        if (groups.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var text = groups.GetString()!.AsSpan().Trim();
        if (text.Length >= 2 && text[0] == '[' && text[^1] == ']')
        {
            text = text[1..^1];
        }

        foreach (var range in text.SplitAny(", "))
        {
            if (text[range].SequenceEqual(CallerClaims.OperatorsGroup))
            {
                return true;
            }
        }

        return false;
    }

    private static JsonElement? Claims(ApiGatewayRequestContext? context) =>
        context?.Authorizer is { ValueKind: JsonValueKind.Object } authorizer
            && authorizer.TryGetProperty(CallerClaims.ClaimsProperty, out var claims)
            && claims.ValueKind == JsonValueKind.Object
                ? claims
                : null;

    private static string? Text(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
