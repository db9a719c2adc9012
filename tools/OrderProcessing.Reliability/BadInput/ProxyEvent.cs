using System.Globalization;
using System.Text.Json;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Reliability.BadInput;

/// <summary>
/// Writes an <see cref="HttpCase"/> as the API Gateway REST proxy event (payload format 1.0) the API function receives,
/// through the shared <see cref="ApiGatewayProxyRequestFactory"/>. API Gateway hands over valid UTF-8 only, so a lone
/// surrogate in a path, query or header (which no HTTP client can send) arrives as U+FFFD; inside a JSON body it stays
/// an escape, which is the parser's problem and part of the test.
/// </summary>
internal static class ProxyEvent
{
    private static readonly ApiGatewayRequestContext Deployment = new()
    {
        Stage = "test",
        AccountId = "123456789012",
        ApiId = "reliability",
        RequestTimeEpoch = 1_735_689_600_000,
        Identity = new ApiGatewayRequestIdentity { SourceIp = "127.0.0.1", UserAgent = "orderprocessing-reliability" },
    };

    /// <summary>The event JSON for <paramref name="request"/>.</summary>
    public static string For(HttpCase request, string requestId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = new ApiGatewayHttpRequest(Clean(request.Method), Clean(request.Path))
        {
            Headers = Pairs(request.Headers),
            Query = Pairs(request.Query),
            Body = request.Body,
            IsBase64Encoded = request.BodyIsBase64,
        };
        var pathParameters = request.PathParameters is { Count: > 0 } p ? p.ToDictionary(e => Clean(e.Key), e => (string?)Clean(e.Value), StringComparer.Ordinal) : null;
        var proxyEvent = ApiGatewayProxyRequestFactory.ForResource(http, Clean(request.Resource), pathParameters, Deployment with { RequestId = requestId });
        return JsonSerializer.Serialize(proxyEvent, AwsEventJsonContext.Default.ApiGatewayProxyRequest);
    }

    /// <summary>A request id for case number <paramref name="index"/>.</summary>
    public static string RequestId(int index) => string.Create(CultureInfo.InvariantCulture, $"bad-input-{index:D6}");

    private static List<KeyValuePair<string, string>> Pairs(IReadOnlyDictionary<string, string>? map) =>
        map?.Select(e => KeyValuePair.Create(Clean(e.Key), Clean(e.Value))).ToList() ?? [];

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
}
