using System.Text.Json.Serialization;

namespace OrderProcessing.Topology.Events.ApiGateway;

/// <summary>The caller of a REST proxy request, as far as API Gateway knows it.</summary>
public sealed record ApiGatewayRequestIdentity
{
    /// <summary>The Cognito identity pool of the caller, with IAM authorization through Cognito.</summary>
    [JsonPropertyName("cognitoIdentityPoolId")]
    public string? CognitoIdentityPoolId { get; init; }

    /// <summary>The AWS account of an IAM caller.</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; init; }

    /// <summary>The Cognito identity of the caller.</summary>
    [JsonPropertyName("cognitoIdentityId")]
    public string? CognitoIdentityId { get; init; }

    /// <summary>The principal id of an IAM caller.</summary>
    [JsonPropertyName("caller")]
    public string? Caller { get; init; }

    /// <summary>The AWS organization of an IAM caller.</summary>
    [JsonPropertyName("principalOrgId")]
    public string? PrincipalOrgId { get; init; }

    /// <summary>The access key of an IAM caller.</summary>
    [JsonPropertyName("accessKey")]
    public string? AccessKey { get; init; }

    /// <summary>How Cognito authenticated the caller.</summary>
    [JsonPropertyName("cognitoAuthenticationType")]
    public string? CognitoAuthenticationType { get; init; }

    /// <summary>The Cognito provider that authenticated the caller.</summary>
    [JsonPropertyName("cognitoAuthenticationProvider")]
    public string? CognitoAuthenticationProvider { get; init; }

    /// <summary>The IAM user id of the caller.</summary>
    [JsonPropertyName("user")]
    public string? User { get; init; }

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
