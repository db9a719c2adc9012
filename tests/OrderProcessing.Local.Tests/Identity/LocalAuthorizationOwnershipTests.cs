using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrderProcessing.Functions.Api.Resources;
using OrderProcessing.Local.Hosting;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Events.ApiGateway;
using OrderProcessing.Testing.Waiting;

namespace OrderProcessing.Local.Tests.Identity;

/// <summary>
/// The rest of the authorization matrix over HTTP: what the API function decides for callers the host let through.
/// Customers reach only their own orders (another's is <c>404</c>), operator routes are <c>403</c> for customers,
/// operators may do everything.
/// </summary>
[NonParallelizable]
public sealed class LocalAuthorizationOwnershipTests
{
    private static readonly int[] Ok = [200];
    private static readonly int[] Created = [201];
    private static readonly int[] Forbidden = [403];
    private static readonly int[] NotFound = [404];

    // A completed order's moves are refused (409) whoever asks; a delete may be too early (409) or done (204).
    private static readonly int[] Decided = [200, 204, 409];

    // Per route key: the statuses allowed for customer A (the order's owner), customer B, and an operator. Routes added by
    // other branches (/openapi.json, /customers/me/...) are listed here; a route not listed fails the test, naming it.
    private static readonly Dictionary<string, (int[] Owner, int[] Other, int[] Operator)> Expected = new(StringComparer.Ordinal)
    {
        ["POST /orders"] = (Created, Forbidden, Created),
        ["GET /orders"] = (Forbidden, Forbidden, Ok),
        ["GET /orders/{orderId}"] = (Ok, NotFound, Ok),
        ["PATCH /orders/{orderId}"] = (Forbidden, Forbidden, Decided),
        ["DELETE /orders/{orderId}"] = (Forbidden, Forbidden, Decided),
        ["POST /orders/{orderId}/cancel"] = (Decided, NotFound, Decided),
        ["GET /orders/{orderId}/invoice"] = (Ok, NotFound, Ok),
        ["GET /customers/{customerId}/orders"] = (Forbidden, Forbidden, Ok),
        ["GET /customers/me/orders"] = (Ok, Ok, Ok),
        ["GET /customers/me/orders/export"] = (Ok, Ok, Ok),
        ["GET /customers/{customerId}/orders/export"] = (Forbidden, Forbidden, Ok),
        ["GET /products"] = (Ok, Ok, Ok),
        ["GET /products/{productId}"] = (Ok, Ok, Ok),
        ["PUT /products/{productId}"] = (Forbidden, Forbidden, Ok),
        ["GET /health"] = (Ok, Ok, Ok),
        ["GET /openapi.json"] = (Ok, Ok, Ok),
    };

    private AuthorizedHost _host = null!;
    private string _a = null!;
    private string _b = null!;
    private string _operator = null!;

    public enum Who
    {
        Owner,
        Other,
        Operator,
    }

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await AuthorizedHost.StartAsync();
        _a = await _host.MintAsync(AuthorizedHost.CustomerA);
        _b = await _host.MintAsync(AuthorizedHost.CustomerB);
        _operator = await _host.MintAsync(AuthorizedHost.OperatorId, CallerClaims.OperatorsGroup);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    private static IEnumerable<TestCaseData> RoutesAndCallers() =>
        from route in SystemTopology.ApiRoutes
        from who in Enum.GetValues<Who>()
        select new TestCaseData(route.Key, who);

    [TestCaseSource(nameof(RoutesAndCallers))]
    public async Task ApiRoute_EachGoodCaller_AnswersAsTheMatrixSays(string routeKey, Who who)
    {
        var route = SystemTopology.ApiRoutes.Single(r => r.Key == routeKey);
        Assert.That(Expected.ContainsKey(routeKey), Is.True, $"{routeKey} has no row in the matrix: add what each caller gets.");
        var allowed = who switch { Who.Owner => Expected[routeKey].Owner, Who.Other => Expected[routeKey].Other, _ => Expected[routeKey].Operator };

        // Every case gets its own completed order of customer A, so moves and deletes never disturb another case.
        var order = await CompletedOrderOfAAsync();
        using var response = await SendAsync(route, who, order);

        Assert.That((int)response.StatusCode, Is.AnyOf(allowed.Cast<object>().ToArray()), $"{routeKey} as {who}: {await response.Content.ReadAsStringAsync()}");
    }

    [Test]
    public async Task PlaceOrder_WithACustomerToken_IsThatCustomersOrder()
    {
        // The body names no customer at all: who orders, and where the e-mails go, come from the token alone.
        var body = JsonNode.Parse(AuthorizedHost.OrderBody(AuthorizedHost.CustomerA))!.AsObject();
        body.Remove("customerId");
        body.Remove("customerEmail");
        body.Remove("customerName");
        using var place = new HttpRequestMessage(HttpMethod.Post, "/orders") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        place.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _a);
        using var placed = await _host.Http.SendAsync(place);
        var text = await placed.Content.ReadAsStringAsync();
        Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        var orderId = JsonDocument.Parse(text).RootElement.GetProperty("orderId").GetString();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/orders/{orderId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _operator);
        using var response = await _host.Http.SendAsync(request);
        var order = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.That(order.GetProperty("customerId").GetString(), Is.EqualTo(AuthorizedHost.CustomerA));
        Assert.That(order.GetProperty("customerEmail").GetString(), Is.EqualTo($"{AuthorizedHost.CustomerA}@example.com"));
        Assert.That(order.GetProperty("customerName").GetString(), Is.EqualTo($"Name of {AuthorizedHost.CustomerA}"));
    }

    [Test]
    public async Task PlaceOrder_BodyNamesAnotherCustomer_Is403AndStoresNothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders") { Content = new StringContent(AuthorizedHost.OrderBody(AuthorizedHost.CustomerA), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _b);
        var newestOfABefore = await NewestOrderIdsAsync(AuthorizedHost.CustomerA);

        using var response = await _host.Http.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), text);
        Assert.That(JsonDocument.Parse(text).RootElement.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.Forbidden));
        Assert.That(await NewestOrderIdsAsync(AuthorizedHost.CustomerA), Is.EqualTo(newestOfABefore), "no order was stored for customer A");
        Assert.That(await NewestOrderIdsAsync(AuthorizedHost.CustomerB), Is.Empty, "no order was stored for customer B");
    }

    [Test]
    public void ProcessMode_AuthNone_GivesTheApiFunctionApiAuth()
    {
        // Lambda gives each function only the settings it declares; the api function declares API_AUTH (wt-authz).
        var settings = LocalSettings.ForProcess(SystemTopology.Api, LocalSettings.For(new LocalOptions { Auth = AuthMode.None }));

        Assert.That(settings[SettingNames.ApiAuth], Is.EqualTo("none"));
    }

    // The newest orders of a customer, as an operator lists them.
    private async Task<string[]> NewestOrderIdsAsync(string customerId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/customers/{customerId}/orders?limit=5");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _operator);
        using var response = await _host.Http.SendAsync(request);
        var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), page.ToString());
        return [.. page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("orderId").GetString()!)];
    }

    private async Task<string> CompletedOrderOfAAsync()
    {
        var orderId = await _host.PlaceOrderAsync(_a, AuthorizedHost.CustomerA);
        await Eventually.ValueAsync<JsonElement>(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/orders/{orderId}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _operator);
            using var response = await _host.Http.SendAsync(request);
            var order = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            return order.GetProperty("status").GetString() == "COMPLETED" ? order : null;
        }, $"order {orderId} is COMPLETED");
        return orderId;
    }

    private async Task<HttpResponseMessage> SendAsync(ApiRoute route, Who who, string orderId)
    {
        var path = Regex.Replace(route.Path, "{([^}]+)}", m => m.Groups[1].Value switch
        {
            "orderId" => orderId,
            "customerId" => AuthorizedHost.CustomerA,
            "productId" => AuthorizedHost.Product,
            var other => throw new AssertionException($"The matrix has no value for {{{other}}} of {route.Key}; add one."),
        });
        if (route.Path.EndsWith("/export", StringComparison.Ordinal))
        {
            path += "?format=csv";
        }

        // Customers place orders for themselves; the other customer tries to place one for customer A.
        const string customerId = AuthorizedHost.CustomerA;
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
        if (route.TakesBody)
        {
            var body = route == SystemTopology.Routes.PlaceOrder ? AuthorizedHost.OrderBody(customerId)
                : route == SystemTopology.Routes.PutProduct ? "{\"name\":\"Café de Colombia, whole beans 1 kg\",\"unitPrice\":24.90,\"currency\":\"USD\",\"stock\":500}"
                : route == SystemTopology.Routes.MoveOrder ? "{\"status\":\"CANCELLED\"}"
                : "{}";
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", who switch { Who.Owner => _a, Who.Other => _b, _ => _operator });
        return await _host.Http.SendAsync(request);
    }
}
