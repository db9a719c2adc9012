using System.Text.Json;
using OrderProcessing.Core.Common;

namespace OrderProcessing.Functions.Api.Json;

/// <summary>
/// Reads typed members of JSON objects, recording a field error (by path) for each member of the wrong JSON type and
/// returning null for it, so every type error of a body is reported at once. Absent and null members are null without
/// an error: whether they are required is the domain's rule.
/// </summary>
internal sealed class JsonFields(ValidationErrors errors)
{
    public ValidationErrors Errors { get; } = errors;

    public string? String(JsonElement parent, string name, FieldPath path)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Wrong(path, "a string", value);
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\uD800") cannot become a .NET string.
            Errors.Add(path.ToString(), "must be valid Unicode text");
            return null;
        }
    }

    /// <summary>A whole number; <paramref name="rangeMessage"/> when it is too large for any accepted value.</summary>
    public int? Integer(JsonElement parent, string name, FieldPath path, string rangeMessage)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            Wrong(path, "a whole number", value);
            return null;
        }

        if (!value.TryGetDecimal(out var number))
        {
            Errors.Add(path.ToString(), rangeMessage);
            return null;
        }

        if (number != decimal.Truncate(number))
        {
            Errors.Add(path.ToString(), "must be a whole number");
            return null;
        }

        if (number is < int.MinValue or > int.MaxValue)
        {
            Errors.Add(path.ToString(), rangeMessage);
            return null;
        }

        return (int)number;
    }

    /// <summary>A decimal number; <paramref name="rangeMessage"/> when it is beyond what a decimal holds.</summary>
    public decimal? Decimal(JsonElement parent, string name, FieldPath path, string rangeMessage)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            Wrong(path, "a number", value);
            return null;
        }

        if (!value.TryGetDecimal(out var number))
        {
            Errors.Add(path.ToString(), rangeMessage);
            return null;
        }

        return number;
    }

    public JsonElement? Object(JsonElement parent, string name, FieldPath path)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Wrong(path, "an object", value);
            return null;
        }

        return value;
    }

    public JsonElement? Array(JsonElement parent, string name, FieldPath path)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Wrong(path, "an array", value);
            return null;
        }

        return value;
    }

    private static bool TryGet(JsonElement parent, string name, out JsonElement value) =>
        parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private void Wrong(FieldPath path, string expected, JsonElement actual) =>
        Errors.Add(path.ToString(), $"must be {expected}, not {JsonBody.Describe(actual.ValueKind)}");
}
