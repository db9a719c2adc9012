using System.Text.Json.Serialization;

namespace OrderProcessing.Topology.Events.DynamoDb;

/// <summary>
/// A value in DynamoDB JSON: exactly one of the type members is set, for example <c>{"S": "PENDING"}</c>,
/// <c>{"N": "12.50"}</c> (numbers travel as strings), <c>{"M": {...}}</c> or <c>{"L": [...]}</c>.
/// </summary>
public sealed record DynamoDbAttributeValue
{
    /// <summary>A string.</summary>
    [JsonPropertyName("S")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? S { get; init; }

    /// <summary>A number, as its decimal text.</summary>
    [JsonPropertyName("N")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? N { get; init; }

    /// <summary>Binary, base64.</summary>
    [JsonPropertyName("B")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? B { get; init; }

    /// <summary>A string set.</summary>
    [JsonPropertyName("SS")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? SS { get; init; }

    /// <summary>A number set.</summary>
    [JsonPropertyName("NS")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? NS { get; init; }

    /// <summary>A binary set, base64.</summary>
    [JsonPropertyName("BS")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? BS { get; init; }

    /// <summary>A map.</summary>
    [JsonPropertyName("M")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, DynamoDbAttributeValue>? M { get; init; }

    /// <summary>A list.</summary>
    [JsonPropertyName("L")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<DynamoDbAttributeValue>? L { get; init; }

    /// <summary>True for a null.</summary>
    [JsonPropertyName("NULL")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Null { get; init; }

    /// <summary>A boolean.</summary>
    [JsonPropertyName("BOOL")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Bool { get; init; }

    /// <summary>A string value.</summary>
    public static DynamoDbAttributeValue String(string value) => new() { S = value };

    /// <summary>A number value.</summary>
    public static DynamoDbAttributeValue Number(string value) => new() { N = value };
}
