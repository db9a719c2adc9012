using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;

namespace OrderProcessing.Reliability.Lambda;

/// <summary>An item in DynamoDB's typed JSON (<c>{"S": ...}</c>, <c>{"N": ...}</c>, <c>{"M": ...}</c>), as a stream record's image carries it.</summary>
internal static class DynamoDbJson
{
    /// <summary>The typed JSON of <paramref name="item"/>.</summary>
    public static JsonObject Of(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var json = new JsonObject();
        foreach (var (name, value) in item)
        {
            json[name] = Value(value);
        }

        return json;
    }

    private static JsonObject Value(AttributeValue value) => value switch
    {
        { S: { } s } => new JsonObject { ["S"] = s },
        { N: { } n } => new JsonObject { ["N"] = n },
        { BOOL: { } b } => new JsonObject { ["BOOL"] = b },
        { NULL: true } => new JsonObject { ["NULL"] = true },
        { M: { } m } => new JsonObject { ["M"] = Of(m) },
        { L: { } l } => new JsonObject { ["L"] = new JsonArray(l.Select(v => (JsonNode)Value(v)).ToArray()) },
        { SS: { Count: > 0 } ss } => new JsonObject { ["SS"] = new JsonArray(ss.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()) },
        { NS: { Count: > 0 } ns } => new JsonObject { ["NS"] = new JsonArray(ns.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()) },
        _ => new JsonObject { ["NULL"] = true },
    };
}
