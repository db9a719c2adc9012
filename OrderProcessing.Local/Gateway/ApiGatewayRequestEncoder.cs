using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace OrderProcessing.Local.Gateway;

/// <summary>
/// Turns an HTTP request into the event an API Gateway REST API hands a Lambda proxy integration (payload format 1.0)
/// on a greedy <c>/{proxy+}</c> resource with method <c>ANY</c>: path, method, single- and multi-value headers and query
/// parameters, path parameters, request context and the body (base64 when it is not UTF-8 text).
/// </summary>
public static class ApiGatewayRequestEncoder
{
    /// <summary>The resource the local gateway exposes: one greedy proxy resource, as the deployed API declares.</summary>
    public const string ProxyResource = "/{proxy+}";

    private static readonly string[] TextMediaTypes = ["application/json", "application/problem+json", "application/xml", "application/x-www-form-urlencoded", "application/javascript"];

    /// <summary>The UTF-8 JSON event for <paramref name="request"/> with the already read <paramref name="body"/>.</summary>
    public static byte[] Encode(HttpRequest request, ReadOnlyMemory<byte> body, ApiGatewayRequestContext context, string requestId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var path = request.Path.HasValue ? request.Path.Value! : "/";
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        var sourceIp = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("resource", ProxyResource);
            json.WriteString("path", path);
            json.WriteString("httpMethod", request.Method);
            WriteHeaders(json, request, sourceIp);
            WriteQuery(json, query);
            json.WriteStartObject("pathParameters");
            json.WriteString("proxy", path.TrimStart('/'));
            json.WriteEndObject();
            json.WriteNull("stageVariables");
            WriteRequestContext(json, request, context, requestId, now, path, sourceIp);
            WriteBody(json, request.ContentType, body);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteHeaders(Utf8JsonWriter json, HttpRequest request, string sourceIp)
    {
        // API Gateway adds the forwarding headers a client behind it would see.
        var headers = request.Headers
            .Where(h => !h.Key.StartsWith(':'))
            .Select(h => (h.Key, Values: h.Value.Where(v => v is not null).Select(v => v!).ToArray()))
            .Where(h => h.Values.Length > 0)
            .ToList();
        var forwarded = new (string Key, string Value)[]
        {
            ("X-Forwarded-For", sourceIp),
            ("X-Forwarded-Proto", request.Scheme),
            ("X-Forwarded-Port", request.HttpContext.Connection.LocalPort.ToString(CultureInfo.InvariantCulture)),
        };
        foreach (var (key, value) in forwarded)
        {
            if (!headers.Any(h => string.Equals(h.Key, key, StringComparison.OrdinalIgnoreCase)))
            {
                headers.Add((key, [value]));
            }
        }

        json.WriteStartObject("headers");
        foreach (var (key, values) in headers)
        {
            json.WriteString(key, values[^1]);
        }

        json.WriteEndObject();
        json.WriteStartObject("multiValueHeaders");
        foreach (var (key, values) in headers)
        {
            json.WriteStartArray(key);
            foreach (var v in values)
            {
                json.WriteStringValue(v);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteQuery(Utf8JsonWriter json, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query)
    {
        // No query string is null in both maps, not an empty object.
        if (query.Count == 0)
        {
            json.WriteNull("queryStringParameters");
            json.WriteNull("multiValueQueryStringParameters");
            return;
        }

        json.WriteStartObject("queryStringParameters");
        foreach (var (key, values) in query)
        {
            json.WriteString(key, values[^1]);
        }

        json.WriteEndObject();
        json.WriteStartObject("multiValueQueryStringParameters");
        foreach (var (key, values) in query)
        {
            json.WriteStartArray(key);
            foreach (var v in values)
            {
                json.WriteStringValue(v);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteRequestContext(Utf8JsonWriter json, HttpRequest request, ApiGatewayRequestContext context, string requestId, DateTimeOffset now, string path, string sourceIp)
    {
        var host = request.Host.HasValue ? request.Host.Value! : "localhost";
        json.WriteStartObject("requestContext");
        json.WriteString("resourceId", "proxy");
        json.WriteString("resourcePath", ProxyResource);
        json.WriteString("httpMethod", request.Method);
        json.WriteString("extendedRequestId", requestId);
        json.WriteString("requestTime", now.UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture));
        json.WriteString("path", $"/{context.Stage}{path}");
        json.WriteString("accountId", context.AccountId);
        json.WriteString("protocol", request.Protocol);
        json.WriteString("stage", context.Stage);
        json.WriteString("domainPrefix", host.Split('.', ':')[0]);
        json.WriteNumber("requestTimeEpoch", now.ToUnixTimeMilliseconds());
        json.WriteString("requestId", requestId);
        json.WriteStartObject("identity");
        json.WriteNull("cognitoIdentityPoolId");
        json.WriteNull("accountId");
        json.WriteNull("cognitoIdentityId");
        json.WriteNull("caller");
        json.WriteString("sourceIp", sourceIp);
        json.WriteNull("principalOrgId");
        json.WriteNull("accessKey");
        json.WriteNull("cognitoAuthenticationType");
        json.WriteNull("cognitoAuthenticationProvider");
        json.WriteNull("userArn");
        json.WriteString("userAgent", request.Headers.UserAgent.ToString());
        json.WriteNull("user");
        json.WriteEndObject();
        json.WriteString("domainName", host);
        json.WriteString("apiId", context.ApiId);
        json.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter json, string? contentType, ReadOnlyMemory<byte> body)
    {
        // REST APIs pass no body as null. Text passes as a string; anything else (binary media types) as base64.
        if (body.IsEmpty)
        {
            json.WriteNull("body");
            json.WriteBoolean("isBase64Encoded", false);
            return;
        }

        if (IsText(contentType) && TryDecodeUtf8(body.Span, out var text))
        {
            json.WriteString("body", text);
            json.WriteBoolean("isBase64Encoded", false);
            return;
        }

        json.WriteString("body", Convert.ToBase64String(body.Span));
        json.WriteBoolean("isBase64Encoded", true);
    }

    private static bool IsText(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return true;
        }

        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || TextMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase);
    }

    private static bool TryDecodeUtf8(ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }
}
