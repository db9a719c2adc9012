using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderProcessing.Topology.Events.ApiGateway;

/// <summary>The <c>requestContext</c> of a REST proxy event: request id, stage and caller.</summary>
public sealed record ApiGatewayRequestContext
{
    /// <summary>The AWS account of the API.</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; init; }

    /// <summary>The API's id.</summary>
    [JsonPropertyName("apiId")]
    public string? ApiId { get; init; }

    /// <summary>The resource's id.</summary>
    [JsonPropertyName("resourceId")]
    public string? ResourceId { get; init; }

    /// <summary>The matched resource path template.</summary>
    [JsonPropertyName("resourcePath")]
    public string? ResourcePath { get; init; }

    /// <summary>The deployment stage.</summary>
    [JsonPropertyName("stage")]
    public string? Stage { get; init; }

    /// <summary>API Gateway's id of the request, returned to clients in <c>x-amzn-RequestId</c>.</summary>
    [JsonPropertyName("requestId")]
    public string? RequestId { get; init; }

    /// <summary>The extended request id (<c>x-amz-apigw-id</c>).</summary>
    [JsonPropertyName("extendedRequestId")]
    public string? ExtendedRequestId { get; init; }

    /// <summary>The HTTP method.</summary>
    [JsonPropertyName("httpMethod")]
    public string? HttpMethod { get; init; }

    /// <summary>The path including the stage.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; init; }

    /// <summary>The protocol, for example <c>HTTP/1.1</c>.</summary>
    [JsonPropertyName("protocol")]
    public string? Protocol { get; init; }

    /// <summary>The request time in CLF format.</summary>
    [JsonPropertyName("requestTime")]
    public string? RequestTime { get; init; }

    /// <summary>The request time in epoch milliseconds.</summary>
    [JsonPropertyName("requestTimeEpoch")]
    public long? RequestTimeEpoch { get; init; }

    /// <summary>The domain name the client called.</summary>
    [JsonPropertyName("domainName")]
    public string? DomainName { get; init; }

    /// <summary>The first label of <see cref="DomainName"/>.</summary>
    [JsonPropertyName("domainPrefix")]
    public string? DomainPrefix { get; init; }

    /// <summary>The caller.</summary>
    [JsonPropertyName("identity")]
    public ApiGatewayRequestIdentity? Identity { get; init; }

    /// <summary>What an authorizer returned (claims, scopes, context); its shape depends on the authorizer.</summary>
    [JsonPropertyName("authorizer")]
    public JsonElement? Authorizer { get; init; }
}
