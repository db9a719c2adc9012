using System.Globalization;
using System.Text.Json;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Benchmarks.Events;

/// <summary>
/// API Gateway REST proxy events (payload 1.0) as the API function receives them in AWS: the headers CloudFront and API
/// Gateway add, both header maps, the request context, so parsing costs what it costs in Lambda.
/// </summary>
public static class ApiEvents
{
    private static readonly (string Name, string Value)[] GatewayHeaders =
    [
        ("Accept", "application/json"),
        ("Accept-Encoding", "gzip, deflate, br"),
        ("CloudFront-Forwarded-Proto", "https"),
        ("CloudFront-Is-Desktop-Viewer", "true"),
        ("CloudFront-Is-Mobile-Viewer", "false"),
        ("CloudFront-Viewer-Country", "US"),
        ("Host", "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com"),
        ("User-Agent", "bench/1.0"),
        ("Via", "2.0 4a9c0e1b2d3f4a5b6c7d8e9f0a1b2c3d.cloudfront.net (CloudFront)"),
        ("X-Amz-Cf-Id", "Qm9ndXNDbG91ZEZyb250SWRGb3JUZXN0aW5nT25seQ=="),
        ("X-Amzn-Trace-Id", "Root=1-65f0a1b2-0123456789abcdef01234567"),
        ("X-Forwarded-For", "203.0.113.10, 198.51.100.20"),
        ("X-Forwarded-Port", "443"),
        ("X-Forwarded-Proto", "https"),
    ];

    private static readonly ApiGatewayRequestContext Deployment = new()
    {
        AccountId = "123456789012",
        ApiId = "a1b2c3d4e5",
        ResourceId = "x1y2z3",
        Stage = "prod",
        ExtendedRequestId = "UvWxYzAbCdEfGhI=",
        Protocol = "HTTP/1.1",
        RequestTime = "12/Mar/2024:18:30:41 +0000",
        RequestTimeEpoch = 1710268241123,
        DomainName = "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com",
        DomainPrefix = "a1b2c3d4e5",
        Identity = new ApiGatewayRequestIdentity { SourceIp = "203.0.113.10", UserAgent = "bench/1.0" },
    };

    /// <summary>The <c>POST /orders</c> body of customer number <paramref name="customer"/>: one line of <paramref name="productId"/>.</summary>
    public static string OrderBody(int customer, string productId = "sku-1", int quantity = 1) => string.Create(
        CultureInfo.InvariantCulture,
        $$$"""{"customerId":"c-{{{customer}}}","customerEmail":"customer{{{customer}}}@example.com","customerName":"Customer {{{customer}}}","items":[{"productId":"{{{productId}}}","quantity":{{{quantity}}}}],"paymentToken":"tok_visa","shippingAddress":{"line1":"1 Main St","city":"Springfield","postalCode":"12345","country":"US"}}""");

    /// <summary>An event for <paramref name="method"/> <paramref name="path"/>, serialized as API Gateway sends it.</summary>
    /// <param name="method">HTTP method.</param>
    /// <param name="path">Path without the query.</param>
    /// <param name="resource">The matched API resource (<c>/orders/{orderId}</c>).</param>
    /// <param name="pathParameters">Decoded path parameters.</param>
    /// <param name="query">Query parameters.</param>
    /// <param name="body">JSON body, or null.</param>
    /// <param name="headers">Extra headers (Idempotency-Key).</param>
    public static byte[] Build(
        string method,
        string path,
        string resource,
        IReadOnlyDictionary<string, string?>? pathParameters = null,
        IReadOnlyDictionary<string, string?>? query = null,
        string? body = null,
        IReadOnlyList<(string Name, string Value)>? headers = null)
    {
        var all = new List<(string Name, string Value)>(GatewayHeaders);
        if (body is not null)
        {
            all.Add(("Content-Type", "application/json"));
        }

        all.AddRange(headers ?? []);
        var request = new ApiGatewayHttpRequest(method, path)
        {
            Headers = all.Select(h => KeyValuePair.Create(h.Name, h.Value)).ToList(),
            Query = query?.Select(q => KeyValuePair.Create(q.Key, q.Value ?? "")).ToList() ?? [],
            Body = body,
        };
        var proxyEvent = ApiGatewayProxyRequestFactory.ForResource(request, resource, pathParameters, Deployment with { RequestId = Guid.NewGuid().ToString() });
        return JsonSerializer.SerializeToUtf8Bytes(proxyEvent, AwsEventJsonContext.Default.ApiGatewayProxyRequest);
    }

    /// <summary><c>POST /orders</c> for customer number <paramref name="customer"/>, optionally with an <c>Idempotency-Key</c>.</summary>
    public static byte[] PlaceOrder(int customer, string productId = "sku-1", string? idempotencyKey = null) => Build(
        "POST",
        "/orders",
        "/orders",
        body: OrderBody(customer, productId),
        headers: idempotencyKey is null ? null : [("Idempotency-Key", idempotencyKey)]);

    /// <summary><c>GET /orders/{orderId}</c>.</summary>
    public static byte[] GetOrder(string orderId) => Build(
        "GET", "/orders/" + orderId, "/orders/{orderId}", new Dictionary<string, string?> { ["orderId"] = orderId });

    /// <summary><c>GET /orders</c> with <paramref name="query"/>.</summary>
    public static byte[] ListOrders(IReadOnlyDictionary<string, string?> query) => Build("GET", "/orders", "/orders", query: query);

    /// <summary><c>GET /customers/{customerId}/orders</c> with <paramref name="query"/>.</summary>
    public static byte[] ListByCustomer(string customerId, IReadOnlyDictionary<string, string?> query) => Build(
        "GET", $"/customers/{customerId}/orders", "/customers/{customerId}/orders", new Dictionary<string, string?> { ["customerId"] = customerId }, query);

    /// <summary>The <c>orderId</c> of a proxy response to <c>POST /orders</c>; anything but <c>201</c> is an error naming the answer.</summary>
    public static string OrderIdOf(Stream response)
    {
        var proxy = JsonSerializer.Deserialize(response, AwsEventJsonContext.Default.ApiGatewayProxyResponse)
            ?? throw new InvalidOperationException("POST /orders answered null.");
        if (proxy.StatusCode != 201)
        {
            throw new InvalidOperationException($"POST /orders answered {proxy.StatusCode}: {proxy.Body}");
        }

        using var body = JsonDocument.Parse(proxy.Body);
        return body.RootElement.GetProperty("orderId").GetString()!;
    }
}
