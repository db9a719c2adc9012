using System.Text.Json.Serialization;

namespace OrderProcessing.Topology.Events.ApiGateway;

/// <summary>What a REST proxy integration returns to API Gateway (payload format 1.0).</summary>
public sealed record ApiGatewayProxyResponse
{
    /// <summary>The HTTP status code.</summary>
    [JsonPropertyName("statusCode")]
    public int StatusCode { get; init; }

    /// <summary>Single-value headers.</summary>
    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Headers with several values; API Gateway merges them with <see cref="Headers"/>.</summary>
    [JsonPropertyName("multiValueHeaders")]
    public IReadOnlyDictionary<string, IReadOnlyList<string>> MultiValueHeaders { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// The body as text, or base64 when <see cref="IsBase64Encoded"/> is true; empty without a body. A producer with the
    /// text's UTF-8 bytes carries them (<see cref="ProxyBody.FromUtf8"/>) and they are written without a UTF-16 copy.
    /// </summary>
    [JsonPropertyName("body")]
    public ProxyBody Body { get; init; }

    /// <summary>True when <see cref="Body"/> is base64 of binary content (a PDF).</summary>
    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; init; }

    /// <summary>A header's value, case-insensitively, or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
