using System.Text.Json.Serialization;

namespace OrderProcessing.Functions.Adapters.Ses;

/// <summary>The body of SES v2 <c>SendEmail</c> (<c>POST /v2/email/outbound-emails</c>) with raw content.</summary>
public sealed record SesSendEmailRequest
{
    /// <summary>The envelope sender; must be the verified identity.</summary>
    [JsonPropertyName("FromEmailAddress")]
    public required string FromEmailAddress { get; init; }

    /// <summary>The recipients.</summary>
    [JsonPropertyName("Destination")]
    public required SesDestination Destination { get; init; }

    /// <summary>The message.</summary>
    [JsonPropertyName("Content")]
    public required SesContent Content { get; init; }

    /// <summary>The configuration set whose event destinations hear of bounces and complaints.</summary>
    [JsonPropertyName("ConfigurationSetName")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConfigurationSetName { get; init; }
}
