using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OrderProcessing.Reliability.BadInput;

/// <summary>
/// Writes an <see cref="HttpCase"/> as the API Gateway REST proxy event (payload format 1.0) the API function receives.
/// API Gateway hands over valid UTF-8 only, so a lone surrogate in a path, query or header (which no HTTP client can
/// send) arrives as U+FFFD; inside a JSON body it stays an escape, which is the parser's problem and part of the test.
/// </summary>
internal static class ProxyEvent
{
    /// <summary>The event JSON for <paramref name="request"/>.</summary>
    public static string For(HttpCase request, string requestId)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("resource", Clean(request.Resource));
            json.WriteString("path", Clean(request.Path));
            json.WriteString("httpMethod", Clean(request.Method));
            WriteMap(json, "headers", request.Headers);
            WriteMultiMap(json, "multiValueHeaders", request.Headers);
            WriteMap(json, "queryStringParameters", request.Query);
            WriteMultiMap(json, "multiValueQueryStringParameters", request.Query);
            WriteMap(json, "pathParameters", request.PathParameters);
            json.WriteNull("stageVariables");
            json.WriteStartObject("requestContext");
            json.WriteString("resourcePath", Clean(request.Resource));
            json.WriteString("httpMethod", Clean(request.Method));
            json.WriteString("path", "/test" + Clean(request.Path));
            json.WriteString("stage", "test");
            json.WriteString("requestId", requestId);
            json.WriteString("accountId", "123456789012");
            json.WriteString("apiId", "reliability");
            json.WriteNumber("requestTimeEpoch", 1_735_689_600_000);
            json.WriteStartObject("identity");
            json.WriteString("sourceIp", "127.0.0.1");
            json.WriteString("userAgent", "orderprocessing-reliability");
            json.WriteEndObject();
            json.WriteEndObject();
            if (request.Body is null)
            {
                json.WriteNull("body");
            }
            else
            {
                json.WriteString("body", request.Body);
            }

            json.WriteBoolean("isBase64Encoded", request.BodyIsBase64);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteMap(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string>? map)
    {
        if (map is null || map.Count == 0)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            json.WriteString(Clean(key), Clean(value));
        }

        json.WriteEndObject();
    }

    private static void WriteMultiMap(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string>? map)
    {
        if (map is null || map.Count == 0)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            json.WriteStartArray(Clean(key));
            json.WriteStringValue(Clean(value));
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    // Lone surrogates cannot travel in UTF-8: API Gateway would have replaced them.
    private static string Clean(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\ufffd';
            }
        }

        return new string(chars);
    }

    /// <summary>A request id for case number <paramref name="index"/>.</summary>
    public static string RequestId(int index) => string.Create(CultureInfo.InvariantCulture, $"bad-input-{index:D6}");
}
