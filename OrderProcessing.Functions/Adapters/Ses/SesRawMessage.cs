using System.Text.Json.Serialization;

namespace OrderProcessing.Functions.Adapters.Ses;

/// <summary>SES v2 <c>RawMessage</c>: the MIME message, base64 in JSON (a blob).</summary>
public sealed record SesRawMessage
{
    /// <summary>The message bytes.</summary>
    [JsonPropertyName("Data")]
    public required byte[] Data { get; init; }
}
