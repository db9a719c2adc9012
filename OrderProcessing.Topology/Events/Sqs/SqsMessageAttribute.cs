using System.Text.Json.Serialization;

namespace OrderProcessing.Topology.Events.Sqs;

/// <summary>An application attribute of an SQS message.</summary>
public sealed record SqsMessageAttribute
{
    /// <summary>The value of a String or Number attribute.</summary>
    [JsonPropertyName("stringValue")]
    public string? StringValue { get; init; }

    /// <summary>The base64 value of a Binary attribute.</summary>
    [JsonPropertyName("binaryValue")]
    public string? BinaryValue { get; init; }

    /// <summary>Reserved by SQS.</summary>
    [JsonPropertyName("stringListValues")]
    public IReadOnlyList<string>? StringListValues { get; init; }

    /// <summary>Reserved by SQS.</summary>
    [JsonPropertyName("binaryListValues")]
    public IReadOnlyList<string>? BinaryListValues { get; init; }

    /// <summary><c>String</c>, <c>Number</c> or <c>Binary</c>, optionally with a custom suffix.</summary>
    [JsonPropertyName("dataType")]
    public string? DataType { get; init; }
}
