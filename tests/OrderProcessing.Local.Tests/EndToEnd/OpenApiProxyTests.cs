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
/// The local host driven through Prism's validating proxy (<c>prism proxy contracts/http-api/v1/openapi.json &lt;host&gt;
/// --errors</c>): every request and every response of a flow that covers every route and the 400, 404, 409 and 413
/// answers is checked against the OpenAPI document, and a violation fails the test (Prism answers it 422 or 500 with
/// <c>sl-violations</c>).
/// </summary>
[NonParallelizable]
public sealed class OpenApiProxyTests
{
    private const string PrismScript = "@stoplight/prism-cli/dist/index.js";

    private LocalHostProcess _host = null!;
    private NodeServer _prism = null!;
    private HttpClient _direct = null!;
    private HttpClient _validated = null!;
    private int _checked;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await TestHost.StartAsync("--delivery-delay-ms", "0");
        _prism = await StartPrismAsync(HttpApiContract.FullPath);
        _direct = new HttpClient { BaseAddress = _host.BaseAddress };
        _validated = new HttpClient { BaseAddress = _prism.ServiceUrl };
        _validated.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await CallerTokenAsync());
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
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
        await CheckAsync(HttpMethod.Get, "customers/c-prism/orders?limit=5", HttpStatusCode.OK);

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
        Assert.That(_checked, Is.GreaterThanOrEqualTo(30));
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

    // A token the host accepts for an operator. Hosts that verify tokens (issue 14) issue them at POST /_local/tokens;
    // until then the host takes any caller, and Prism only needs a bearer token to be present on protected routes.
    private async Task<string> CallerTokenAsync()
    {
        using var response = await _direct.PostAsync(
            new Uri("_local/tokens", UriKind.Relative),
            new StringContent("""{"subject":"op-prism","email":"ops@example.com","name":"Prism","groups":["operators"]}""", Encoding.UTF8, "application/json"));
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!
            : "no-token-checking-on-this-host";
    }

    private async Task<NodeServer> StartPrismAsync(string document) => await NodeServer.StartAsync(
        "prism",
        PrismScript,
        port => ["proxy", document, _host.BaseAddress.AbsoluteUri.TrimEnd('/'), "--errors", "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture)],
        "Prism is listening");

    private Task<string> CheckAsync(HttpMethod method, string path, HttpStatusCode expected, string? json = null, params (string Name, string Value)[] headers) =>
        CheckAsync(_validated, method, path, expected, json, headers);

    // One exchange through Prism: the status must be the one expected (a violation turns it into 422 or 500) and Prism must
    // report no violation, not even a warning.
    private async Task<string> CheckAsync(HttpClient client, HttpMethod method, string path, HttpStatusCode expected, string? json, (string Name, string Value)[] headers)
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
        return body;
    }

    private async Task DirectPostAsync(string path)
    {
        using var response = await _direct.PostAsync(new Uri(path, UriKind.Relative), null);
        Assert.That(response.IsSuccessStatusCode, Is.True, $"POST {path}: {(int)response.StatusCode}");
    }

    private static string? NextCursor(string page) => JsonDocument.Parse(page).RootElement.GetProperty("nextCursor").GetString();

    private static string OrderBody(string productId, int quantity, bool extraLine = false, int padding = 0)
    {
        var body = JsonNode.Parse(ApiClient.OrderBody(productId, quantity, "tok_visa"))!.AsObject();
        body["customerId"] = "c-prism";
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
