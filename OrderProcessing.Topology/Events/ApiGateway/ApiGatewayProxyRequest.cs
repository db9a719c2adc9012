using System.Text.Json.Serialization;

namespace OrderProcessing.Topology.Events.ApiGateway;

/// <summary>
/// The event API Gateway sends a Lambda proxy integration of a REST API (payload format 1.0). Header and query maps are
/// null when the request has none; <see cref="Body"/> is base64 when <see cref="IsBase64Encoded"/> is true.
/// </summary>
public sealed record ApiGatewayProxyRequest
{
    /// <summary>The API resource that matched, for example <c>/orders/{orderId}</c> or <c>/{proxy+}</c>.</summary>
    [JsonPropertyName("resource")]
    public string? Resource { get; init; }

    /// <summary>The request path without the stage, for example <c>/orders/ord_1</c>.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; init; }

    /// <summary>The HTTP method.</summary>
    [JsonPropertyName("httpMethod")]
    public string? HttpMethod { get; init; }

    /// <summary>Headers, the last value of each.</summary>
    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, string?>? Headers { get; init; }

    /// <summary>Headers with every value.</summary>
    [JsonPropertyName("multiValueHeaders")]
    public IReadOnlyDictionary<string, IReadOnlyList<string?>?>? MultiValueHeaders { get; init; }

    /// <summary>Query string parameters, the last value of each.</summary>
    [JsonPropertyName("queryStringParameters")]
    public IReadOnlyDictionary<string, string?>? QueryStringParameters { get; init; }

    /// <summary>Query string parameters with every value.</summary>
    [JsonPropertyName("multiValueQueryStringParameters")]
    public IReadOnlyDictionary<string, IReadOnlyList<string?>?>? MultiValueQueryStringParameters { get; init; }

    /// <summary>Values of the resource's path parameters, URL-decoded by API Gateway.</summary>
    [JsonPropertyName("pathParameters")]
    public IReadOnlyDictionary<string, string?>? PathParameters { get; init; }

    /// <summary>The stage's variables.</summary>
    [JsonPropertyName("stageVariables")]
    public IReadOnlyDictionary<string, string?>? StageVariables { get; init; }

    /// <summary>Who called and how the request was routed.</summary>
    [JsonPropertyName("requestContext")]
    public ApiGatewayRequestContext? RequestContext { get; init; }

    /// <summary>The body as text, or base64 (see <see cref="IsBase64Encoded"/>); null without a body.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; init; }

    /// <summary>True when <see cref="Body"/> is base64.</summary>
    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; init; }
}
