using System.Text;
using System.Text.Json;

namespace OrderProcessing.Local.Gateway;

/// <summary>
/// Reads a Lambda proxy integration result (<c>statusCode</c>, <c>headers</c>, <c>multiValueHeaders</c>, <c>body</c>,
/// <c>isBase64Encoded</c>). Anything else is what API Gateway calls a malformed Lambda proxy response.
/// </summary>
public static class ApiGatewayResponseDecoder
{
    /// <summary>The decoded response, or <see cref="FormatException"/> naming what is malformed.</summary>
    public static ApiGatewayResponse Decode(ReadOnlySpan<byte> output)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(output.ToArray());
        }
        catch (JsonException e)
        {
            throw new FormatException($"the result is not JSON ({e.Message})", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("the result is not a JSON object");
            }

            if (!root.TryGetProperty("statusCode", out var status) || status.ValueKind != JsonValueKind.Number || !status.TryGetInt32(out var code) || code is < 100 or > 599)
            {
                throw new FormatException("statusCode is missing or not an HTTP status");
            }

            var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("headers", out var single) && single.ValueKind == JsonValueKind.Object)
            {
                foreach (var h in single.EnumerateObject())
                {
                    headers[h.Name] = [ScalarText(h.Value, "headers." + h.Name)];
                }
            }

            if (root.TryGetProperty("multiValueHeaders", out var multi) && multi.ValueKind == JsonValueKind.Object)
            {
                foreach (var h in multi.EnumerateObject())
                {
                    if (h.Value.ValueKind != JsonValueKind.Array)
                    {
                        throw new FormatException($"multiValueHeaders.{h.Name} is not an array");
                    }

                    headers[h.Name] = h.Value.EnumerateArray().Select(v => ScalarText(v, "multiValueHeaders." + h.Name)).ToList();
                }
            }

            var base64 = root.TryGetProperty("isBase64Encoded", out var flag) && flag.ValueKind == JsonValueKind.True;
            var body = Array.Empty<byte>();
            if (root.TryGetProperty("body", out var b) && b.ValueKind != JsonValueKind.Null)
            {
                if (b.ValueKind != JsonValueKind.String)
                {
                    throw new FormatException("body is not a string");
                }

                var text = b.GetString()!;
                try
                {
                    body = base64 ? Convert.FromBase64String(text) : Encoding.UTF8.GetBytes(text);
                }
                catch (FormatException e)
                {
                    throw new FormatException("isBase64Encoded is true but body is not base64", e);
                }
            }

            return new ApiGatewayResponse(code, headers, body);
        }
    }

    private static string ScalarText(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => throw new FormatException($"{name} is not a string"),
    };
}
