using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderProcessing.DevTools.Processes;
using OrderProcessing.Local.Tests.Support;
using OrderProcessing.Testing.Contracts;
using OrderProcessing.Testing.Waiting;

namespace OrderProcessing.Local.Tests.EndToEnd;

/// <summary>
/// The local host, checking tokens as users run it (<c>--auth cognito</c>), driven through Prism's validating proxy
/// (<c>prism proxy contracts/http-api/v1/openapi.json &lt;host&gt; --errors</c>): every request and every response of a flow
/// that covers every route, as an operator and as customers with real tokens of <c>POST /_local/tokens</c>, and the 400,
/// 401, 403, 404, 409 and 413 answers is checked against the OpenAPI document, and a violation fails the test (Prism
/// answers it 422 or 500 with <c>sl-violations</c>).
/// </summary>
[NonParallelizable]
public sealed class OpenApiProxyTests
{
    private const string PrismScript = "@stoplight/prism-cli/dist/index.js";
    private const string OperatorId = "op-prism";
    private const string Customer = "c-prism";
    private const string OtherCustomer = "c-prism-other";

    private LocalHostProcess _host = null!;
    private NodeServer _prism = null!;
    private HttpClient _direct = null!;
    private HttpClient _validated = null!;
    private HttpClient _customer = null!;
    private HttpClient _otherCustomer = null!;
    private HttpClient _anonymous = null!;
    private int _checked;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await TestHost.StartAsync("--delivery-delay-ms", "0", "--auth", "cognito");
        _prism = await StartPrismAsync(HttpApiContract.FullPath);
        _direct = new HttpClient { BaseAddress = _host.BaseAddress };
        _validated = Through(_prism, await MintAsync(OperatorId, "operators"));
        _customer = Through(_prism, await MintAsync(Customer));
        _otherCustomer = Through(_prism, await MintAsync(OtherCustomer));
        _anonymous = Through(_prism, null);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _anonymous.Dispose();
        _otherCustomer.Dispose();
        _customer.Dispose();
        _validated.Dispose();
        _direct.Dispose();
        await _prism.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Test]
    public async Task EveryRoute_ThroughPrismsValidatingProxy_KeepsTheContract()
    {
        // Service and catalog.
        await CheckAsync(HttpMethod.Get, "health", HttpStatusCode.OK);
        await CheckAsync(HttpMethod.Get, "openapi.json", HttpStatusCode.OK);
        var productId = $"sku-prism-{Guid.NewGuid():N}"[..20];
        var product = $$"""{"name":"Prism pen","unitPrice":2.50,"currency":"USD","stock":50}""";
        await CheckAsync(HttpMethod.Put, $"products/{productId}", HttpStatusCode.Created, product);
        await CheckAsync(HttpMethod.Put, $"products/{productId}", HttpStatusCode.OK, product);
        await CheckAsync(HttpMethod.Get, $"products/{productId}", HttpStatusCode.OK);
        var products = await CheckAsync(HttpMethod.Get, "products?limit=1", HttpStatusCode.OK);
        await CheckAsync(HttpMethod.Get, $"products?limit=1&cursor={Uri.EscapeDataString(NextCursor(products)!)}", HttpStatusCode.OK);

        // An order through the whole pipeline, placed idempotently.
        var key = Guid.NewGuid().ToString();
        var placed = await CheckAsync(HttpMethod.Post, "orders", HttpStatusCode.Created, OrderBody(productId, 2), ("Idempotency-Key", key));
        var orderId = JsonDocument.Parse(placed).RootElement.GetProperty("orderId").GetString()!;
        await CheckAsync(HttpMethod.Post, "orders", HttpStatusCode.Created, OrderBody(productId, 2), ("Idempotency-Key", key));
        await CheckAsync(HttpMethod.Post, "orders", HttpStatusCode.Conflict, OrderBody(productId, 3), ("Idempotency-Key", key));
        await Eventually.ValueAsync<JsonElement>(async () =>
        {
            var order = JsonDocument.Parse(await CheckAsync(HttpMethod.Get, $"orders/{orderId}", HttpStatusCode.OK)).RootElement;
            return order.GetProperty("status").GetString() == "COMPLETED" ? order : null;
        }, $"order {orderId} completes");
        await CheckAsync(HttpMethod.Get, $"orders/{orderId}/invoice", HttpStatusCode.OK);

        // Moves a finished order may not make: 409.
        await CheckAsync(HttpMethod.Post, $"orders/{orderId}/cancel", HttpStatusCode.Conflict);
        await CheckAsync(HttpMethod.Patch, $"orders/{orderId}", HttpStatusCode.Conflict, """{"status":"CANCELLED"}""");

        // Orders held before the first stage: a customer's cancel and an operator's move, then a delete.
        await DirectPostAsync("_local/stages/reserve-inventory/pause");
        try
        {
            var held = JsonDocument.Parse(await CheckAsync(HttpMethod.Post, "orders", HttpStatusCode.Created, OrderBody(productId, 1))).RootElement.GetProperty("orderId").GetString()!;
            var given = JsonDocument.Parse(await CheckAsync(HttpMethod.Post, "orders", HttpStatusCode.Created, OrderBody(productId, 1))).RootElement.GetProperty("orderId").GetString()!;
            await CheckAsync(HttpMethod.Post, $"orders/{held}/cancel", HttpStatusCode.OK, """{"reason":"Changed my mind"}""");
            await CheckAsync(HttpMethod.Patch, $"orders/{given}", HttpStatusCode.OK, """{"status":"OUT_OF_STOCK"}""");
            await CheckAsync(HttpMethod.Post, $"orders/{given}/cancel", HttpStatusCode.Conflict);
        }
        finally
        {
            await DirectPostAsync("_local/stages/reserve-inventory/resume");
        }

        // Listings, now that there are several orders to page through.
        await CheckAsync(HttpMethod.Get, "orders?status=COMPLETED&limit=2", HttpStatusCode.OK);
        var page = await CheckAsync(HttpMethod.Get, "orders?limit=1", HttpStatusCode.OK);
        await CheckAsync(HttpMethod.Get, $"orders?limit=1&cursor={Uri.EscapeDataString(NextCursor(page)!)}", HttpStatusCode.OK);
        await CheckAsync(HttpMethod.Get, $"customers/{Customer}/orders?limit=5", HttpStatusCode.OK);

        // The customer's own view: their orders, their history in both formats (CSV the default), an order placed with
        // the identity left to the token; someone else's order is a 404 to another customer.
        await CheckAsync(_customer, HttpMethod.Get, $"orders/{orderId}", HttpStatusCode.OK);
        await CheckAsync(_customer, HttpMethod.Post, "orders", HttpStatusCode.Created, OrderBody(productId, 1, identityFromToken: true));
        var mine = await CheckAsync(_customer, HttpMethod.Get, "customers/me/orders?limit=5", HttpStatusCode.OK);
        Assert.That(JsonDocument.Parse(mine).RootElement.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("customerId").GetString()).Distinct(), Is.EqualTo(new[] { Customer }));
        var csv = await CheckAsync(_customer, HttpMethod.Get, "customers/me/orders/export", HttpStatusCode.OK);
        Assert.That(csv, Does.StartWith("orderId,createdAt,status,currency,total,items,trackingNumber\r\n").And.Contain(orderId));
        await CheckAsync(_customer, HttpMethod.Get, "customers/me/orders/export?format=csv", HttpStatusCode.OK);
        var json = await CheckAsync(_customer, HttpMethod.Get, "customers/me/orders/export?format=json", HttpStatusCode.OK);
        Assert.That(JsonDocument.Parse(json).RootElement.EnumerateArray().Select(o => o.GetProperty("orderId").GetString()), Does.Contain(orderId));
        await CheckAsync(HttpMethod.Get, $"customers/{Customer}/orders/export?format=json", HttpStatusCode.OK);
        await CheckAsync(HttpMethod.Get, $"customers/{Customer}/orders/export?format=csv", HttpStatusCode.OK);
        await CheckAsync(_otherCustomer, HttpMethod.Get, $"orders/{orderId}", HttpStatusCode.NotFound);
        await CheckAsync(_otherCustomer, HttpMethod.Get, $"orders/{orderId}/invoice", HttpStatusCode.NotFound);

        // Callers refused: no token or a bad one (401 with the challenge), a customer on an operator route or ordering for
        // someone else (403). A signed-in operator's token names them, so /customers/me answers them (the 404 of a caller
        // with no customer identity needs a machine caller, which a token-checking host does not have).
        // Prism answers a request with no Authorization at all itself (see NoToken_...), so "no bearer token" reaches the
        // host as another scheme, which the document's SigV4 alternative lets through.
        using (var notBearer = Through(_prism, null))
        {
            notBearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "b3BzOnNlY3JldA==");
            await CheckRefusalAsync(notBearer, HttpMethod.Get, "customers/me/orders", HttpStatusCode.Unauthorized);
        }

        using (var badToken = Through(_prism, "not-a-token"))
        {
            await CheckRefusalAsync(badToken, HttpMethod.Get, "orders", HttpStatusCode.Unauthorized);
        }

        using (var forged = Through(_prism, ForgedToken()))
        {
            await CheckRefusalAsync(forged, HttpMethod.Get, $"orders/{orderId}", HttpStatusCode.Unauthorized);
        }

        await CheckRefusalAsync(_customer, HttpMethod.Get, "orders", HttpStatusCode.Forbidden);
        await CheckRefusalAsync(_customer, HttpMethod.Put, $"products/{productId}", HttpStatusCode.Forbidden, product);
        await CheckRefusalAsync(_customer, HttpMethod.Post, "orders", HttpStatusCode.Forbidden, OrderBody(productId, 1, customerId: OtherCustomer));
        await CheckAsync(HttpMethod.Get, "customers/me/orders", HttpStatusCode.OK);

        await CheckAsync(HttpMethod.Delete, $"orders/{orderId}", HttpStatusCode.NoContent);
        await CheckAsync(HttpMethod.Get, $"orders/{orderId}", HttpStatusCode.NotFound);

        // Refusals the document describes.
        await CheckAsync(HttpMethod.Post, "orders", HttpStatusCode.BadRequest, OrderBody("sku-nowhere", 1));
        await CheckAsync(HttpMethod.Post, "orders", HttpStatusCode.BadRequest, OrderBody(productId, 1, extraLine: true));
        await CheckAsync(HttpMethod.Get, "orders?cursor=not-a-cursor", HttpStatusCode.BadRequest);
        await CheckAsync(HttpMethod.Get, "products/sku-nowhere", HttpStatusCode.NotFound);
        await CheckAsync(HttpMethod.Get, "orders/ord_nowhere/invoice", HttpStatusCode.NotFound);
        await CheckAsync(HttpMethod.Post, "orders", HttpStatusCode.RequestEntityTooLarge, OrderBody(productId, 1, padding: 70 * 1024));

        await TestContext.Out.WriteLineAsync($"Prism checked {_checked} requests and their responses.");
        Assert.That(_checked, Is.GreaterThanOrEqualTo(45));
    }

    [Test]
    public async Task AnUndeclaredMethod_Is405WithAllow_AsTheDocumentsComponentSays()
    {
        // Prism refuses an undeclared method itself, so the host's own answer is checked against the component directly.
        using var fromHost = await _direct.PostAsync(new Uri("health", UriKind.Relative), null);
        using var fromPrism = await _validated.PostAsync(new Uri("health", UriKind.Relative), null);
        var body = await fromHost.Content.ReadAsStringAsync();

        Assert.That(fromHost.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(fromHost.Content.Headers.Allow, Is.EquivalentTo(new[] { "GET", "OPTIONS" }));
        Assert.That(fromHost.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(HttpApiContract.Violations("Problem", body), Is.Empty, body);
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("type").GetString(), Is.EqualTo("urn:orderprocessing:problem:method-not-allowed"));
        Assert.That(fromPrism.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    [Test]
    public async Task NoToken_Is401WithTheChallenge_AsTheDocumentsComponentSays()
    {
        // Prism refuses a request without credentials itself, so the host's own answer is checked against the component.
        using var fromHost = await _direct.GetAsync(new Uri("customers/me/orders/export", UriKind.Relative));
        using var fromPrism = await _anonymous.GetAsync(new Uri("customers/me/orders/export", UriKind.Relative));
        var body = await fromHost.Content.ReadAsStringAsync();
        var challenge = HttpApiContract.Document["components"]!["headers"]!["WWWAuthenticate"]!["schema"]!["const"]!.GetValue<string>();

        Assert.That(fromHost.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(fromHost.Headers.WwwAuthenticate.ToString(), Is.EqualTo(challenge));
        Assert.That(fromHost.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(HttpApiContract.Violations("Problem", body), Is.Empty, body);
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("type").GetString(), Is.EqualTo("urn:orderprocessing:problem:unauthorized"));
        Assert.That(fromPrism.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ADocumentThatDisagreesWithTheApi_FailsTheCheck()
    {
        var broken = HttpApiContract.Document;
        broken["components"]!["schemas"]!["Health"]!["properties"]!["environment"] = new JsonObject { ["type"] = "integer" };
        var file = Path.Combine(_host.WorkingDirectory, "broken-openapi.json");
        await File.WriteAllTextAsync(file, broken.ToJsonString());
        await using var prism = await StartPrismAsync(file);
        using var client = new HttpClient { BaseAddress = prism.ServiceUrl };

        var failure = Assert.ThrowsAsync<AssertionException>(() => CheckAsync(client, HttpMethod.Get, "health", HttpStatusCode.OK, null, []));

        Assert.That(failure!.Message, Does.Contain("environment must be integer"));
    }

    // A real token of the host for subject, as the shop page gets one; failing to get one fails the test.
    private async Task<string> MintAsync(string subject, params string[] groups)
    {
        using var response = await _direct.PostAsync(
            new Uri("_local/tokens", UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(new { subject, email = $"{subject}@example.com", name = $"Name of {subject}", groups }), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"POST /_local/tokens: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
    }

    // A well-formed JWT for the customer that the host never signed (its signature is 64 zero bytes).
    private static string ForgedToken()
    {
        static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = Encode(Encoding.UTF8.GetBytes("""{"alg":"ES256","typ":"JWT"}"""));
        var payload = Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { sub = Customer, aud = "orderprocessing-local", exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() })));
        return $"{header}.{payload}.{Encode(new byte[64])}";
    }

    private static HttpClient Through(NodeServer prism, string? token)
    {
        var client = new HttpClient { BaseAddress = prism.ServiceUrl };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private async Task<NodeServer> StartPrismAsync(string document) => await NodeServer.StartAsync(
        "prism",
        PrismScript,
        port => ["proxy", document, _host.BaseAddress.AbsoluteUri.TrimEnd('/'), "--errors", "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture)],
        "Prism is listening");

    private Task<string> CheckAsync(HttpMethod method, string path, HttpStatusCode expected, string? json = null, params (string Name, string Value)[] headers) =>
        CheckAsync(_validated, method, path, expected, json, headers);

    private Task<string> CheckAsync(HttpClient client, HttpMethod method, string path, HttpStatusCode expected, string? json = null) =>
        CheckAsync(client, method, path, expected, json, []);

    // A caller refused through Prism: the answer is the problem the document declares (checked by Prism, and here its
    // type), a 401 with RFC 6750's challenge.
    private async Task CheckRefusalAsync(HttpClient client, HttpMethod method, string path, HttpStatusCode expected, string? json = null)
    {
        string? challenge = null;
        var body = await CheckAsync(client, method, path, expected, json, [], response => challenge = response.Headers.WwwAuthenticate.ToString());
        var type = JsonDocument.Parse(body).RootElement.GetProperty("type").GetString();
        Assert.That(type, Is.EqualTo(expected == HttpStatusCode.Unauthorized ? "urn:orderprocessing:problem:unauthorized" : "urn:orderprocessing:problem:forbidden"), $"{method} {path}");
        Assert.That(challenge, expected == HttpStatusCode.Unauthorized ? Is.EqualTo("Bearer error=\"invalid_token\"") : Is.Empty, $"{method} {path}: WWW-Authenticate");
    }

    // One exchange through Prism: the status must be the one expected (a violation turns it into 422 or 500) and Prism must
    // report no violation, not even a warning.
    private async Task<string> CheckAsync(HttpClient client, HttpMethod method, string path, HttpStatusCode expected, string? json, (string Name, string Value)[] headers, Action<HttpResponseMessage>? inspect = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        _checked++;
        var violations = response.Headers.TryGetValues("sl-violations", out var values) ? string.Join(" ", values) : null;
        Assert.That(violations, Is.Null, $"{method} {path}: Prism found violations: {violations}");
        Assert.That(response.StatusCode, Is.EqualTo(expected), $"{method} {path}: {body}");
        inspect?.Invoke(response);
        return body;
    }

    private async Task DirectPostAsync(string path)
    {
        using var response = await _direct.PostAsync(new Uri(path, UriKind.Relative), null);
        Assert.That(response.IsSuccessStatusCode, Is.True, $"POST {path}: {(int)response.StatusCode}");
    }

    private static string? NextCursor(string page) => JsonDocument.Parse(page).RootElement.GetProperty("nextCursor").GetString();

    private static string OrderBody(string productId, int quantity, bool extraLine = false, int padding = 0, bool identityFromToken = false, string customerId = Customer)
    {
        var body = JsonNode.Parse(ApiClient.OrderBody(productId, quantity, "tok_visa"))!.AsObject();
        body["customerId"] = customerId;
        if (identityFromToken)
        {
            // A signed-in customer may leave their identity to the token.
            body.Remove("customerId");
            body.Remove("customerEmail");
            body.Remove("customerName");
        }

        if (extraLine)
        {
            // The same product twice: valid for the schema, refused by the API's rules.
            body["items"]!.AsArray().Add(new JsonObject { ["productId"] = productId, ["quantity"] = 1 });
        }

        if (padding > 0)
        {
            // A member the schema allows, large enough that the body passes the API's 64 KiB limit.
            body["note"] = new string('x', padding);
        }

        return body.ToJsonString();
    }
}
