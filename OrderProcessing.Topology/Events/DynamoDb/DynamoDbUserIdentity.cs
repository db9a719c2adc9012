using System.Text.Json.Serialization;

namespace OrderProcessing.Topology.Events.DynamoDb;

/// <summary>Who made a change that DynamoDB made on its own (<c>Service</c>, <c>dynamodb.amazonaws.com</c> for TTL).</summary>
public sealed record DynamoDbUserIdentity
{
    /// <summary>The identity type.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The principal.</summary>
    [JsonPropertyName("principalId")]
    public string? PrincipalId { get; init; }
}
