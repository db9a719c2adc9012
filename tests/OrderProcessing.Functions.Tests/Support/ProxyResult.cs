using System.Text.Json;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Functions.Tests.Support;

/// <summary>A proxy response as API Gateway would read it, with the body parsed when it is JSON.</summary>
internal sealed class ProxyResult(ApiGatewayProxyResponse response)
{
    public ApiGatewayProxyResponse Response { get; } = response;

    public int Status => Response.StatusCode;

    /// <summary>The body's text, as API Gateway reads it from the response document.</summary>
    public string Body => Response.Body.ToString();

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Header(string name) => Response.Header(name);

    /// <summary>The messages of one field of a validation problem (empty when the field has none).</summary>
    public IReadOnlyList<string> ErrorsOf(string field) =>
        Json.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            ? messages.EnumerateArray().Select(m => m.GetString()!).ToList()
            : [];

    public IReadOnlyList<string> ErrorFields =>
        Json.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(p => p.Name).ToList() : [];

    public override string ToString() => $"{Status} {Body}";
}
