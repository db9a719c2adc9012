using System.Text.Json.Serialization;

namespace OrderProcessing.Topology.Events.ApiGateway;

/// <summary>The caller of a REST proxy request, as far as API Gateway knows it.</summary>
public sealed record ApiGatewayRequestIdentity
{
    /// <summary>The client's IP address.</summary>
    [JsonPropertyName("sourceIp")]
    public string? SourceIp { get; init; }

    /// <summary>The client's user agent.</summary>
    [JsonPropertyName("userAgent")]
    public string? UserAgent { get; init; }

    /// <summary>The IAM caller's ARN when IAM authorization is used.</summary>
    [JsonPropertyName("userArn")]
    public string? UserArn { get; init; }

    /// <summary>The API key's id when an API key was required.</summary>
    [JsonPropertyName("apiKeyId")]
    public string? ApiKeyId { get; init; }
}
