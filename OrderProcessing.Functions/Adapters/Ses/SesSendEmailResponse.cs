using System.Text.Json.Serialization;

namespace OrderProcessing.Functions.Adapters.Ses;

/// <summary>The answer of SES v2 <c>SendEmail</c>.</summary>
public sealed record SesSendEmailResponse
{
    /// <summary>SES's id of the accepted message.</summary>
    [JsonPropertyName("MessageId")]
    public string? MessageId { get; init; }
}
