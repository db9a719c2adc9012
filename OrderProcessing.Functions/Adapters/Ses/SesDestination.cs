using System.Text.Json.Serialization;

namespace OrderProcessing.Functions.Adapters.Ses;

/// <summary>SES v2 <c>Destination</c>.</summary>
public sealed record SesDestination
{
    /// <summary>The <c>To</c> recipients.</summary>
    [JsonPropertyName("ToAddresses")]
    public required IReadOnlyList<string> ToAddresses { get; init; }
}
