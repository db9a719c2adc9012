using System.Text.Json.Serialization;

namespace OrderProcessing.Functions.Adapters.Ses;

/// <summary>
/// The body of an SES v2 error (REST-JSON protocol: the error's name is in the <c>x-amzn-ErrorType</c> header); what the
/// local host's SES endpoint answers in process mode, shaped as SES's so the transport handles it as in AWS.
/// </summary>
public sealed record SesErrorResponse
{
    /// <summary>What was wrong.</summary>
    [JsonPropertyName("message")]
    public required string Message { get; init; }
}
