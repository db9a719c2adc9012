using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Local.Gateway;

/// <summary>
/// Turns an HTTP request into the event an API Gateway REST API hands a Lambda proxy integration (payload format 1.0)
/// on a greedy <c>/{proxy+}</c> resource with method <c>ANY</c>, through the shared
/// <see cref="ApiGatewayProxyRequestFactory"/>. What is the local gateway's own: the forwarding headers, the request
/// context of a local deployment, and the body (base64 when it is not UTF-8 text).
/// </summary>
public static class ApiGatewayRequestEncoder
{
    /// <summary>The resource the local gateway exposes: one greedy proxy resource, as the deployed API declares.</summary>
    public const string ProxyResource = ApiGatewayProxyRequestFactory.GreedyProxyResource;

    private static readonly string[] TextMediaTypes = ["application/json", "application/problem+json", "application/xml", "application/x-www-form-urlencoded", "application/javascript"];

    /// <summary>The deployment facts of the local API: stage <c>local</c>, a placeholder account and API id.</summary>
    public static ApiGatewayRequestContext LocalDeployment { get; } = new() { Stage = "local", AccountId = "000000000000", ApiId = "local" };

    /// <summary>The UTF-8 JSON event for <paramref name="request"/> with the already read <paramref name="body"/>.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="body">Its body.</param>
    /// <param name="deployment">The stage, account and API id (see <see cref="LocalDeployment"/>).</param>
    /// <param name="requestId">API Gateway's request id.</param>
    /// <param name="now">When the request arrived.</param>
    /// <param name="authorizer">What the authorizer passes on (the verified claims), or null on a route without one.</param>
    public static byte[] Encode(HttpRequest request, ReadOnlyMemory<byte> body, ApiGatewayRequestContext deployment, string requestId, DateTimeOffset now, JsonElement? authorizer = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(deployment);
        var path = request.Path.HasValue ? request.Path.Value! : "/";
        var sourceIp = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1";
        var host = request.Host.HasValue ? request.Host.Value! : "localhost";
        var (text, base64) = EncodeBody(request.ContentType, body);
        var http = new ApiGatewayHttpRequest(request.Method, path)
        {
            Headers = Headers(request, sourceIp),
            Query = QueryHelpers.ParseQuery(request.QueryString.Value).SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))).ToList(),
            Body = text,
            IsBase64Encoded = base64,
        };
        var context = deployment with
        {
            ResourceId = "proxy",
            ExtendedRequestId = requestId,
            RequestId = requestId,
            RequestTime = now.UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
            RequestTimeEpoch = now.ToUnixTimeMilliseconds(),
            Protocol = request.Protocol,
            DomainName = host,
            DomainPrefix = host.Split('.', ':')[0],
            Identity = new ApiGatewayRequestIdentity { SourceIp = sourceIp, UserAgent = request.Headers.UserAgent.ToString() },
            Authorizer = authorizer ?? deployment.Authorizer,
        };
        return JsonSerializer.SerializeToUtf8Bytes(ApiGatewayProxyRequestFactory.ForGreedyProxy(http, context), AwsEventJsonContext.Default.ApiGatewayProxyRequest);
    }

    private static List<KeyValuePair<string, string>> Headers(HttpRequest request, string sourceIp)
    {
        var headers = request.Headers
            .Where(h => !h.Key.StartsWith(':'))
            .SelectMany(h => h.Value.Where(v => v is not null).Select(v => KeyValuePair.Create(h.Key, v!)))
            .ToList();

        // API Gateway adds the forwarding headers a client behind it would see.
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
                headers.Add(KeyValuePair.Create(key, value));
            }
        }

        return headers;
    }

    // REST APIs pass no body as null. Text passes as a string; anything else (binary media types) as base64.
    private static (string? Body, bool IsBase64) EncodeBody(string? contentType, ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return (null, false);
        }

        if (IsText(contentType) && TryDecodeUtf8(body.Span, out var text))
        {
            return (text, false);
        }

        return (Convert.ToBase64String(body.Span), true);
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
