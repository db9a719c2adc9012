using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace OrderProcessing.Functions.Adapters.DynamoDb;

/// <summary>Builds and reads <see cref="AttributeValue"/>s; a missing or mistyped attribute fails naming it.</summary>
internal static class Attr
{
    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue N(decimal value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue M(Dictionary<string, AttributeValue> value) => new() { M = value };

    public static AttributeValue L(List<AttributeValue> value) => new() { L = value };

    public static void SetIfNotNull(Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (value is not null)
        {
            item[name] = S(value);
        }
    }

    public static string GetS(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) && v.S is { } s ? s : throw Missing(name, "S");

    public static string? GetOptionalS(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) && v.NULL != true ? v.S ?? throw Missing(name, "S") : null;

    public static long GetLong(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) && v.N is { } n && long.TryParse(n, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Missing(name, "N (integer)");

    public static int GetInt(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        checked((int)GetLong(item, name));

    public static decimal GetDecimal(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) && v.N is { } n && decimal.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Missing(name, "N");

    public static Dictionary<string, AttributeValue> GetM(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) && v.M is { } m ? m : throw Missing(name, "M");

    public static List<AttributeValue> GetL(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) && v.L is { } l ? l : throw Missing(name, "L");

    private static FormatException Missing(string name, string type) =>
        new($"The stored item has no attribute '{name}' of type {type}.");
}
