using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Local.Identity;

/// <summary>
/// The <c>requestContext.authorizer</c> of a REST proxy event for a verified token, in the shape API Gateway's Cognito
/// user pool authorizer gives it: <c>{"claims": {...}}</c> with every claim of the token as a string. Arrays become their
/// values joined by commas (a user in two groups arrives as <c>"cognito:groups": "operators,support"</c>, one group as
/// <c>"operators"</c>), <c>exp</c> and <c>iat</c> become dates as <c>Tue Apr 04 18:39:39 UTC 2023</c>, other numbers
/// and booleans their JSON text.
/// </summary>
public static class AuthorizerClaims
{
    private static readonly HashSet<string> DateClaims = new(["exp", "iat"], StringComparer.Ordinal);

    /// <summary>The authorizer object for <paramref name="token"/>'s payload.</summary>
    public static JsonElement For(JsonWebToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(token.EncodedPayload));
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject(CallerClaims.ClaimsProperty);
            foreach (var claim in payload.RootElement.EnumerateObject())
            {
                writer.WriteString(claim.Name, Render(claim.Name, claim.Value));
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        using var rendered = JsonDocument.Parse(buffer.WrittenMemory);
        return rendered.RootElement.Clone();
    }

    private static string Render(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number when DateClaims.Contains(name) && value.TryGetInt64(out var seconds) =>
            DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture),
        JsonValueKind.Array => string.Join(',', value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
        JsonValueKind.Null => "",
        _ => value.GetRawText(),
    };
}
