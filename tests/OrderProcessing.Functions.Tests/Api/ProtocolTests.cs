using System.Text;
using System.Text.Json;
using OrderProcessing.Core.Common;
using OrderProcessing.Functions.Api;
using OrderProcessing.Functions.Api.Resources;
using OrderProcessing.Functions.Tests.Support;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Events;

namespace OrderProcessing.Functions.Tests.Api;

/// <summary>HTTP behaviour shared by every route: routing, methods, media types, sizes, CORS, error mapping.</summary>
public sealed class ProtocolTests
{
    private TestSystem _system = null!;

    [SetUp]
    public async Task SetUp()
    {
        _system = new TestSystem();
        await _system.SeedProductAsync();
    }

    [Test]
    public void TheFunctionServes_ExactlyTheTopologysRoutes()
    {
        Assert.That(_system.Api.RouteKeys, Is.EquivalentTo(SystemTopology.ApiRoutes.Select(r => r.Key)));
    }

    [Test]
    public async Task Health_Is200()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Get("/health"));

        Assert.That(result.Status, Is.EqualTo(200));
        Assert.That(result.Json.GetProperty("status").GetString(), Is.EqualTo("ok"));
    }

    [TestCase("/nowhere")]
    [TestCase("/orders/x/refund")]
    [TestCase("/orders//cancel")]
    public async Task UnknownPath_Is404Problem(string path)
    {
        var result = await _system.SendAsync(ApiEventBuilder.Get(path));

        Assert.That(result.Status, Is.EqualTo(404));
        Assert.That(result.Header("Content-Type"), Is.EqualTo("application/problem+json; charset=utf-8"));
    }

    [Test]
    public async Task TrailingSlash_ReachesTheSameRoute()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Get("/health/"));

        Assert.That(result.Status, Is.EqualTo(200));
    }

    [TestCase("DELETE", "/products/sku-1", "GET, PUT, OPTIONS")]
    [TestCase("PUT", "/orders", "POST, GET, OPTIONS")]
    [TestCase("GET", "/orders/ord_1/cancel", "POST, OPTIONS")]
    [TestCase("HEAD", "/health", "GET, OPTIONS")]
    public async Task UnsupportedMethodOnAKnownPath_Is405WithAllow(string method, string path, string allow)
    {
        var result = await _system.SendAsync(new ApiEventBuilder().Method(method).Path(path));

        Assert.That(result.Status, Is.EqualTo(405), result.ToString());
        Assert.That(result.Header("Allow"), Is.EqualTo(allow));
        Assert.That(result.Json.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.MethodNotAllowed));
    }

    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("application/json; charset=iso-8859-1")]
    [TestCase("application/jsonp")]
    public async Task BodyOfAnotherMediaType_Is415(string contentType)
    {
        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Build()).Header("Content-Type", contentType));

        Assert.That(result.Status, Is.EqualTo(415), result.ToString());
        Assert.That(result.Json.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.UnsupportedMediaType));
    }

    [Test]
    public async Task BodyWithoutContentType_Is415()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Build()).WithoutHeader("Content-Type"));

        Assert.That(result.Status, Is.EqualTo(415));
    }

    [TestCase("application/json; charset=utf-8")]
    [TestCase("Application/JSON;charset=\"UTF-8\"")]
    public async Task JsonWithUtf8Charset_IsAccepted(string contentType)
    {
        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Build()).Header("content-type", contentType));

        Assert.That(result.Status, Is.EqualTo(201), result.ToString());
    }

    [Test]
    public async Task BodyOverSixtyFourKibibytes_Is413()
    {
        var body = new OrderRequestBuilder().Set("customerName", $"\"{new string('n', 64 * 1024)}\"").Build();

        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", body));

        Assert.That(result.Status, Is.EqualTo(413), result.ToString());
        Assert.That(result.Json.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.PayloadTooLarge));
    }

    [Test]
    public async Task BodyOfExactlySixtyFourKibibytes_IsRead()
    {
        var body = new OrderRequestBuilder().Build();
        body = body[..^1] + ",\"pad\":\"" + new string(' ', (64 * 1024) - body.Length - 9) + "\"}";
        Assert.That(Encoding.UTF8.GetByteCount(body), Is.EqualTo(64 * 1024));

        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", body));

        Assert.That(result.Status, Is.EqualTo(201), result.ToString());
    }

    [Test]
    public async Task Base64EncodedJsonBody_IsDecoded()
    {
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes(new OrderRequestBuilder().Build()));

        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders").Header("Content-Type", "application/json").Body(body, base64: true));

        Assert.That(result.Status, Is.EqualTo(201), result.ToString());
    }

    [Test]
    public async Task Base64BodyOfExactlyTheLimit_IsNotMistakenForTooLarge()
    {
        var json = new OrderRequestBuilder().Build();
        json = json[..^1] + ",\"pad\":\"" + new string(' ', (64 * 1024) - json.Length - 9) + "\"}";
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
        Assert.That(base64.EndsWith("==", StringComparison.Ordinal), Is.True, "the case needs padding, which a length estimate would count as content");

        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders").Header("Content-Type", "application/json").Body(base64, base64: true));

        Assert.That(result.Status, Is.EqualTo(201), result.ToString());
    }

    [Test]
    public async Task Base64BodyOverTheLimit_Is413()
    {
        var base64 = Convert.ToBase64String(new byte[(64 * 1024) + 1]);

        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders").Header("Content-Type", "application/json").Body(base64, base64: true));

        Assert.That(result.Status, Is.EqualTo(413));
    }

    [Test]
    public async Task EveryResponse_ForbidsCachingAndSniffing()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Get("/orders"));

        Assert.That(result.Header("Cache-Control"), Is.EqualTo("no-store"));
        Assert.That(result.Header("X-Content-Type-Options"), Is.EqualTo("nosniff"));
    }

    [Test]
    public async Task WithoutConfiguredOrigins_NoCorsHeaders()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Get("/orders").Header("Origin", "https://shop.example"));

        Assert.That(result.Header("Access-Control-Allow-Origin"), Is.Null);
    }

    [Test]
    public async Task AllowedOrigin_GetsCorsHeaders()
    {
        var system = new TestSystem(new ApiOptions { Auth = ApiAuthMode.None, AllowedOrigins = ["https://shop.example"] });

        var result = await system.SendAsync(ApiEventBuilder.Get("/orders").Header("Origin", "https://shop.example"));

        Assert.That(result.Header("Access-Control-Allow-Origin"), Is.EqualTo("https://shop.example"));
        Assert.That(result.Header("Vary"), Is.EqualTo("Origin"));
        Assert.That(result.Header("Access-Control-Expose-Headers"), Does.Contain("Location"));
    }

    [Test]
    public async Task OtherOrigin_GetsNoCorsHeaders()
    {
        var system = new TestSystem(new ApiOptions { Auth = ApiAuthMode.None, AllowedOrigins = ["https://shop.example"] });

        var result = await system.SendAsync(ApiEventBuilder.Get("/orders").Header("Origin", "https://evil.example"));

        Assert.That(result.Header("Access-Control-Allow-Origin"), Is.Null);
    }

    [Test]
    public async Task Preflight_OnAKnownPath_Is204WithTheAllowedMethodsAndHeaders()
    {
        var system = new TestSystem(new ApiOptions { Auth = ApiAuthMode.None, AllowedOrigins = ["*"] });

        var result = await system.SendAsync(ApiEventBuilder.Options("/orders").Header("Origin", "https://shop.example").Header("Access-Control-Request-Method", "POST"));

        Assert.That(result.Status, Is.EqualTo(204));
        Assert.That(result.Header("Access-Control-Allow-Origin"), Is.EqualTo("*"));
        Assert.That(result.Header("Access-Control-Allow-Methods"), Is.EqualTo("POST, GET, OPTIONS"));
        Assert.That(result.Header("Access-Control-Allow-Headers"), Does.Contain("Idempotency-Key").And.Contain("Content-Type").And.Contain("Authorization"));
        Assert.That(result.Header("Access-Control-Allow-Headers")!.Split(", "), Is.EqualTo(ApiCors.AllowHeaders), "the topology's one list, which API Gateway's preflight answers with too");
        Assert.That(result.Header("Access-Control-Max-Age"), Is.EqualTo("600"));
    }

    [Test]
    public async Task Preflight_OnAnUnknownPath_Is404()
    {
        var system = new TestSystem(new ApiOptions { Auth = ApiAuthMode.None, AllowedOrigins = ["*"] });

        var result = await system.SendAsync(ApiEventBuilder.Options("/nowhere"));

        Assert.That(result.Status, Is.EqualTo(404));
    }

    [Test]
    public async Task TransientStoreFailure_Is503WithRetryAfter()
    {
        var orderId = await _system.PlaceOrderAsync();
        _system.Orders.Failure = id => id == orderId ? new TransientFailureException("throttled") : null;

        var result = await _system.SendAsync(ApiEventBuilder.Get($"/orders/{orderId}"));

        Assert.That(result.Status, Is.EqualTo(503));
        Assert.That(result.Header("Retry-After"), Is.EqualTo("1"));
        Assert.That(result.Json.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.Unavailable));
    }

    [Test]
    public async Task ConcurrentChange_Is409Conflict()
    {
        var orderId = await _system.PlaceOrderAsync();
        _system.Orders.Failure = id => id == orderId ? new ConcurrencyConflictException("lost the race") : null;

        var result = await _system.SendAsync(ApiEventBuilder.Get($"/orders/{orderId}"));

        Assert.That(result.Status, Is.EqualTo(409));
        Assert.That(result.Json.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.Conflict));
    }

    [Test]
    public async Task UnexpectedFailure_IsAGeneric500_LoggedWithContext()
    {
        _system.Orders.Failure = _ => new InvalidOperationException("secret internals: table xyz is gone");

        var result = await _system.SendAsync(ApiEventBuilder.Get("/orders").Query("limit", "5"));

        Assert.That(result.Status, Is.EqualTo(500));
        Assert.That(result.Json.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.InternalError));
        Assert.That(result.Body, Does.Not.Contain("secret internals"));
        var error = _system.OutputLines.Single(l => l.TryGetProperty("errorType", out _));
        Assert.That(error.GetProperty("level").GetString(), Is.EqualTo("ERROR"));
        Assert.That(error.GetProperty("errorMessage").GetString(), Does.Contain("secret internals"));
        Assert.That(error.GetProperty("route").GetString(), Is.EqualTo("GET /orders"));
        Assert.That(error.GetProperty("requestId").GetString(), Is.EqualTo("c6af9ac6-7b61-11e6-9a41-93e8deadbeef"));
    }

    [Test]
    public async Task AnInvocationThatIsNotAProxyEvent_GetsAProblemNotACrash()
    {
        var result = await _system.SendRawAsync("[1, 2, 3]");

        Assert.That(result.Status, Is.EqualTo(500));
        Assert.That(result.Header("Content-Type"), Is.EqualTo("application/problem+json; charset=utf-8"));
    }

    [Test]
    public async Task EveryRequest_IsLoggedAndMeasuredByRoute()
    {
        await _system.SendAsync(ApiEventBuilder.Get("/orders/ord_1"));

        var access = _system.OutputLines.Single(l => l.TryGetProperty("status", out _));
        Assert.That(access.GetProperty("route").GetString(), Is.EqualTo("GET /orders/{orderId}"));
        Assert.That(access.GetProperty("status").GetInt32(), Is.EqualTo(404));
        var metric = _system.OutputLines.Single(l => l.TryGetProperty("ApiLatency", out _));
        Assert.That(metric.GetProperty("Route").GetString(), Is.EqualTo("GET /orders/{orderId}"));
        Assert.That(metric.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Dimensions")[0].EnumerateArray().Select(d => d.GetString()), Is.EqualTo(new[] { "Environment", "Route" }));
    }

    [TestCase("GET", "/products", "GET /products answered 200.")]
    [TestCase("GET", "/orders/ord_1", "GET /orders/{orderId} answered 404.")]
    [TestCase("DELETE", "/products", "DELETE /products answered 405.")]
    [TestCase("OPTIONS", "/orders", "OPTIONS /orders answered 204.")]
    [TestCase("GET", "/wp-admin/login.php", "GET unmatched answered 404.")]
    public async Task RequestLogLine_NamesTheMethodOnce(string method, string path, string message)
    {
        await _system.SendAsync(new ApiEventBuilder().Method(method).Path(path));

        var access = _system.OutputLines.Single(l => l.TryGetProperty("status", out _));
        Assert.That(access.GetProperty("message").GetString(), Is.EqualTo(message));
    }

    [Test]
    public async Task UnmatchedPaths_ShareOneMetricRoute_SoRawPathsNeverBecomeDimensions()
    {
        await _system.SendAsync(ApiEventBuilder.Get("/wp-admin/login.php"));

        var metric = _system.OutputLines.Single(l => l.TryGetProperty("ApiLatency", out _));
        Assert.That(metric.GetProperty("Route").GetString(), Is.EqualTo("unmatched"));
    }

    [Test]
    public async Task TheResponseDocument_HasTheProxyIntegrationsShape()
    {
        await using var stream = await _system.Api.HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(ApiEventBuilder.Get("/health").Build())));
        using var document = await JsonDocument.ParseAsync(stream);

        Assert.That(document.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded" }));
        Assert.That(document.RootElement.GetProperty("body").ValueKind, Is.EqualTo(JsonValueKind.String));
    }

    [Test]
    public async Task TheStreamedResponse_IsExactlyRespondAsyncsRecordSerialized()
    {
        // HandleAsync's Lambda response document is, byte for byte, RespondAsync's record serialized, escaping included
        // (non-ASCII text, HTML-sensitive characters, '+').
        string[] events =
        [
            ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Build()).Header("Idempotency-Key", "same-answer").Build(),
            ApiEventBuilder.Put("/products/sku-torch", """{"name":"Crème <brûlée> & \"torch\" +1","unitPrice":39.00,"currency":"USD","stock":10}""").Build(),
            ApiEventBuilder.Get("/products/sku-torch").Build(),
            ApiEventBuilder.Get("/nowhere").Build(),
            ApiEventBuilder.Post("/orders", "{not json").Build(),
            ApiEventBuilder.Options("/orders").Header("Origin", "https://shop.example").Build(),
        ];
        foreach (var json in events)
        {
            await _system.SendRawAsync(json); // first call: creates what the others then find (a replay, an update)
            var record = await _system.Api.RespondAsync(JsonSerializer.Deserialize(json, AwsEventJsonContext.Default.ApiGatewayProxyRequest)!);
            await using var stream = await _system.Api.HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));
            using var reader = new StreamReader(stream, Encoding.UTF8);

            Assert.That(await reader.ReadToEndAsync(), Is.EqualTo(JsonSerializer.Serialize(record, AwsEventJsonContext.Default.ApiGatewayProxyResponse)), json);
        }
    }
}
