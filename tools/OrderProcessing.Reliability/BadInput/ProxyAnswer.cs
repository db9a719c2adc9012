using System.Text;
using System.Text.Json;

namespace OrderProcessing.Reliability.BadInput;

/// <summary>Reads an API Gateway proxy response (the function's output) into an <see cref="HttpAnswer"/>.</summary>
internal static class ProxyAnswer
{
    /// <summary>Parses <paramref name="json"/>; throws <see cref="InvalidDataException"/> when it is not a proxy response.</summary>
    public static HttpAnswer Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var status = root.GetProperty("statusCode").GetInt32();
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("headers", out var single) && single.ValueKind == JsonValueKind.Object)
            {
                foreach (var h in single.EnumerateObject())
                {
                    headers[h.Name] = h.Value.ToString();
                }
            }

            if (root.TryGetProperty("multiValueHeaders", out var multi) && multi.ValueKind == JsonValueKind.Object)
            {
                foreach (var h in multi.EnumerateObject())
                {
                    headers[h.Name] = string.Join(", ", h.Value.EnumerateArray().Select(v => v.ToString()));
                }
            }

            string? body = root.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null;
            if (body is not null && root.TryGetProperty("isBase64Encoded", out var base64) && base64.ValueKind == JsonValueKind.True && !IsJson(headers))
            {
                body = $"({Convert.FromBase64String(body).Length} bytes)";
            }
            else if (body is not null && root.TryGetProperty("isBase64Encoded", out var encoded) && encoded.ValueKind == JsonValueKind.True)
            {
                body = Encoding.UTF8.GetString(Convert.FromBase64String(body));
            }

            return new HttpAnswer(status, headers, body);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"Not an API Gateway proxy response: {e.Message}", e);
        }
    }

    private static bool IsJson(Dictionary<string, string> headers) =>
        headers.TryGetValue("Content-Type", out var type) && type.Contains("json", StringComparison.OrdinalIgnoreCase);
}
