using System.Text.Json.Serialization;

namespace OrderProcessing.Functions.Api.Resources;

/// <summary>An RFC 9457 problem document, sent as <c>application/problem+json</c> for every error.</summary>
public sealed record ProblemDetails
{
    /// <summary>A URI naming the kind of problem (see <see cref="ProblemTypes"/>).</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>A short summary, the same for every occurrence of the type.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>The HTTP status code.</summary>
    [JsonPropertyName("status")]
    public required int Status { get; init; }

    /// <summary>What went wrong this time.</summary>
    [JsonPropertyName("detail")]
    public required string Detail { get; init; }

    /// <summary>The request path the problem occurred on.</summary>
    [JsonPropertyName("instance")]
    public string? Instance { get; init; }

    /// <summary>For validation problems: field path (<c>items[0].quantity</c>) to messages.</summary>
    [JsonPropertyName("errors")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>API Gateway's request id, to quote when reporting the problem.</summary>
    [JsonPropertyName("requestId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RequestId { get; init; }
}
