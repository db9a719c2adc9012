using System.Text.Json.Serialization;

namespace OrderProcessing.Functions.Adapters.Ses;

/// <summary>SES v2 <c>EmailContent</c> with only the raw form used.</summary>
public sealed record SesContent
{
    /// <summary>The whole RFC 5322 message.</summary>
    [JsonPropertyName("Raw")]
    public required SesRawMessage Raw { get; init; }
}
