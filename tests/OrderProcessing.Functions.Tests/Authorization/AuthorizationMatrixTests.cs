using System.Globalization;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Api;
using OrderProcessing.Functions.Api.Resources;
using OrderProcessing.Functions.Tests.Support;
using OrderProcessing.Testing.Contracts;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Tests.Authorization;

/// <summary>
/// Every route of the topology against every kind of caller, through the real API function over in-memory stores. The
/// table has one row per route; a route added to the topology without a row fails <see cref="Matrix_HasOneRowPerRoute"/>.
/// Requests on orders address customer A's orders, so customer B sees someone else's order.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    /// <summary>
    /// Per route: the request, and the status for an anonymous caller, customer A, customer B and an operator in cognito
    /// mode. <c>Machine</c> is a caller with no claims where the stack authenticates machines (iam, apiKey) or nothing
    /// (none): an operator without a customer identity, so <c>/customers/me</c> has nobody to name.
    /// </summary>
    private static readonly Row[] Rows =
    [
        new("POST /orders", f => ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Customer(CallerBuilder.CustomerA).Build()), 401, 201, 403, 201, Machine: 201),
        new("GET /orders", f => ApiEventBuilder.Get("/orders"), 401, 403, 403, 200, Machine: 200),
        new("GET /orders/{orderId}", f => ApiEventBuilder.Get($"/orders/{f.PendingOrder}"), 401, 200, 404, 200, Machine: 200),
        new("PATCH /orders/{orderId}", f => ApiEventBuilder.Patch($"/orders/{f.PendingOrder}", "{\"status\":\"OUT_OF_STOCK\"}"), 401, 403, 403, 200, Machine: 200),
        new("DELETE /orders/{orderId}", f => ApiEventBuilder.Delete($"/orders/{f.CompletedOrder}"), 401, 403, 403, 204, Machine: 204),
        new("POST /orders/{orderId}/cancel", f => ApiEventBuilder.Post($"/orders/{f.PendingOrder}/cancel"), 401, 200, 404, 200, Machine: 200),
        new("GET /orders/{orderId}/invoice", f => ApiEventBuilder.Get($"/orders/{f.CompletedOrder}/invoice"), 401, 200, 404, 200, Machine: 200),
        new("GET /customers/{customerId}/orders", f => ApiEventBuilder.Get($"/customers/{CallerBuilder.CustomerA}/orders"), 401, 403, 403, 200, Machine: 200),
        new("GET /customers/me/orders", f => ApiEventBuilder.Get("/customers/me/orders"), 401, 200, 200, 200, Machine: 404),
        new("GET /customers/me/orders/export", f => ApiEventBuilder.Get("/customers/me/orders/export"), 401, 200, 200, 200, Machine: 404),
        new("GET /customers/{customerId}/orders/export", f => ApiEventBuilder.Get($"/customers/{CallerBuilder.CustomerA}/orders/export"), 401, 403, 403, 200, Machine: 200),
        new("GET /products", f => ApiEventBuilder.Get("/products"), 200, 200, 200, 200, Machine: 200),
        new("GET /products/{productId}", f => ApiEventBuilder.Get("/products/sku-1"), 200, 200, 200, 200, Machine: 200),
        new("PUT /products/{productId}", f => ApiEventBuilder.Put("/products/sku-1", "{\"name\":\"Widget\",\"unitPrice\":9.99,\"currency\":\"USD\",\"stock\":10}"), 401, 403, 403, 200, Machine: 200),
        new("GET /health", f => ApiEventBuilder.Get("/health"), 200, 200, 200, 200, Machine: 200),
        new("GET /openapi.json", f => ApiEventBuilder.Get("/openapi.json"), 200, 200, 200, 200, Machine: 200),
    ];

    private static IEnumerable<TestCaseData> CognitoCases() =>
        from row in Rows
        from caller in Enum.GetValues<TestCaller>()
        select new TestCaseData(row.Route, caller, row.Expected(caller)).SetArgDisplayNames(row.Route, caller.ToString());

    // In the machine modes every caller the gateway let through is an operator: with claims as the operator column says,
    // without them as the machine column says.
    private static IEnumerable<TestCaseData> MachineModeCases() =>
        from mode in new[] { ApiAuthMode.Iam, ApiAuthMode.ApiKey, ApiAuthMode.None }
        from row in Rows
        from caller in new[] { TestCaller.Anonymous, TestCaller.CustomerB }
        select new TestCaseData(mode, row.Route, caller, caller == TestCaller.Anonymous ? row.Machine : row.Operator)
            .SetArgDisplayNames(mode.ToString(), row.Route, caller.ToString());

    [Test]
    public void Matrix_HasOneRowPerRoute()
    {
        Assert.That(Rows.Select(r => r.Route), Is.EquivalentTo(SystemTopology.ApiRoutes.Select(r => r.Key)));
    }

    [Test]
    public void Matrix_EveryStatus_IsAResponseOfItsOperation()
    {
        foreach (var row in Rows)
        {
            var documented = HttpApiContract.Operations.Single(o => o.Key == row.Route).Responses;

            Assert.That(row.Statuses.Distinct().Select(s => s.ToString(CultureInfo.InvariantCulture)), Is.SubsetOf(documented), $"{row.Route} answers a status {HttpApiContract.DocumentFile} does not declare");
        }
    }

    // The caller refusals the document declares are the ones the function gives: no route promises a 401, 403 or the
    // /customers/me 404 that no caller of the matrix can get.
    [TestCase("401")]
    [TestCase("403")]
    public void Matrix_EveryDocumentedRefusal_IsAStatusOfTheRoute(string status)
    {
        foreach (var row in Rows)
        {
            var documented = HttpApiContract.Operations.Single(o => o.Key == row.Route).Responses;

            Assert.That(documented.Contains(status), Is.EqualTo(row.Statuses.Contains(int.Parse(status, CultureInfo.InvariantCulture))), $"{row.Route}: {status} in the document but not answered, or answered but not in it");
        }
    }

    [TestCaseSource(nameof(CognitoCases))]
    public async Task CognitoMode_RouteAndCaller_AnswerTheirStatus(string route, TestCaller caller, int expected)
    {
        var result = await SendAsync(ApiAuthMode.Cognito, route, caller);

        Assert.That(result.Status, Is.EqualTo(expected), result.ToString());
        if (expected == 401)
        {
            Assert.That(result.Header("WWW-Authenticate"), Is.EqualTo("Bearer error=\"invalid_token\""));
            Assert.That(result.Json.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.Unauthorized));
            Assert.That(result.Header("Content-Type"), Does.StartWith("application/problem+json"));
        }
        else if (expected == 403)
        {
            Assert.That(result.Json.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.Forbidden));
        }
    }

    [TestCaseSource(nameof(MachineModeCases))]
    public async Task MachineModes_RouteAndCaller_AnswerAsAnOperator(ApiAuthMode mode, string route, TestCaller caller, int expected)
    {
        var result = await SendAsync(mode, route, caller);

        Assert.That(result.Status, Is.EqualTo(expected), result.ToString());
    }

    [Test]
    public async Task SomeoneElsesOrder_IsAnsweredExactlyLikeAMissingOne()
    {
        var fixture = await Fixture.CreateAsync(ApiAuthMode.Cognito);

        var theirs = await fixture.System.SendAsync(As(ApiEventBuilder.Get($"/orders/{fixture.PendingOrder}"), TestCaller.CustomerB));
        var missing = await fixture.System.SendAsync(As(ApiEventBuilder.Get("/orders/ord_missing"), TestCaller.CustomerB));

        Assert.That(theirs.Status, Is.EqualTo(404));
        Assert.That(theirs.Body.Replace(fixture.PendingOrder, "ID", StringComparison.Ordinal), Is.EqualTo(missing.Body.Replace("ord_missing", "ID", StringComparison.Ordinal)));
    }

    [Test]
    public async Task CustomerCancellingSomeoneElsesOrder_LeavesItUntouched()
    {
        var fixture = await Fixture.CreateAsync(ApiAuthMode.Cognito);

        await fixture.System.SendAsync(As(ApiEventBuilder.Post($"/orders/{fixture.PendingOrder}/cancel"), TestCaller.CustomerB));

        Assert.That((await fixture.System.OrderAsync(fixture.PendingOrder)).Status, Is.EqualTo(OrderStatus.Pending));
    }

    [Test]
    public async Task RefusedPlaceOrder_StoresNothing()
    {
        var fixture = await Fixture.CreateAsync(ApiAuthMode.Cognito);
        var before = (await fixture.System.Services.Orders.ListAsync(null, 100, null)).Items.Count;

        var anonymous = await fixture.System.SendAsync(As(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Build()), TestCaller.Anonymous));
        var forSomeoneElse = await fixture.System.SendAsync(As(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Customer(CallerBuilder.CustomerA).Build()), TestCaller.CustomerB));

        Assert.That((anonymous.Status, forSomeoneElse.Status), Is.EqualTo((401, 403)));
        Assert.That((await fixture.System.Services.Orders.ListAsync(null, 100, null)).Items, Has.Count.EqualTo(before));
    }

    [Test]
    public async Task RefusedRequest_IsLoggedOnlyAsItsRefusal()
    {
        var fixture = await Fixture.CreateAsync(ApiAuthMode.Cognito);
        var logsBefore = fixture.System.Logs.Count;

        await fixture.System.SendAsync(As(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Customer(CallerBuilder.CustomerA).Build()), TestCaller.Anonymous));

        var lines = fixture.System.Logs.Skip(logsBefore).Select(l => l.ToString()).ToList();
        Assert.That(lines, Has.Count.EqualTo(1));
        Assert.That(lines[0], Does.Contain("answered 401"));
        Assert.That(lines[0], Does.Not.Contain(OrderRequestBuilder.Email).And.Not.Contain("tok_visa"));
    }

    [Test]
    public async Task CustomerPlacingAnOrder_WithoutIdentityFields_GetsThemFromTheToken()
    {
        var fixture = await Fixture.CreateAsync(ApiAuthMode.Cognito);
        var body = new OrderRequestBuilder().Without("customerId").Without("customerEmail").Without("customerName").Build();

        var result = await fixture.System.SendAsync(As(ApiEventBuilder.Post("/orders", body), TestCaller.CustomerB));

        Assert.That(result.Status, Is.EqualTo(201), result.ToString());
        Assert.That(result.Json.GetProperty("customerId").GetString(), Is.EqualTo(CallerBuilder.CustomerB));
        Assert.That(result.Json.GetProperty("customerEmail").GetString(), Is.EqualTo("bob@example.com"));
        Assert.That(result.Json.GetProperty("customerName").GetString(), Is.EqualTo("Bob"));
    }

    [Test]
    public async Task MyOrders_ListOnlyTheCallersOwn()
    {
        var fixture = await Fixture.CreateAsync(ApiAuthMode.Cognito);

        var mine = await fixture.System.SendAsync(As(ApiEventBuilder.Get("/customers/me/orders"), TestCaller.CustomerA));
        var bobs = await fixture.System.SendAsync(As(ApiEventBuilder.Get("/customers/me/orders"), TestCaller.CustomerB));

        Assert.That(mine.Json.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("customerId").GetString()).Distinct(), Is.EqualTo(new[] { CallerBuilder.CustomerA }));
        Assert.That(bobs.Json.GetProperty("items").GetArrayLength(), Is.Zero);
    }

    [TestCase("operators", true)]
    [TestCase("staff,operators", true)]
    [TestCase("[staff operators]", true)]
    [TestCase("operators-readonly", false)]
    [TestCase("staff", false)]
    public async Task GroupsClaim_InTheFormsGatewaysSendIt_MakesAnOperatorOnlyWhenItNamesTheGroup(string groups, bool isOperator)
    {
        var fixture = await Fixture.CreateAsync(ApiAuthMode.Cognito);
        var claims = CallerBuilder.Customer("c-carol", "carol@example.com", "Carol");
        claims["cognito:groups"] = groups;

        var result = await fixture.System.SendAsync(ApiEventBuilder.Get("/orders").Claims(claims));

        Assert.That(result.Status, Is.EqualTo(isOperator ? 200 : 403));
    }

    private static ApiEventBuilder As(ApiEventBuilder request, TestCaller caller) =>
        CallerBuilder.ClaimsOf(caller) is { } claims ? request.Claims(claims) : request;

    private static async Task<ProxyResult> SendAsync(ApiAuthMode mode, string route, TestCaller caller)
    {
        var fixture = await Fixture.CreateAsync(mode);
        var row = Rows.Single(r => r.Route == route);
        return await fixture.System.SendAsync(As(row.Request(fixture), caller));
    }

    private sealed record Row(string Route, Func<Fixture, ApiEventBuilder> Request, int Anonymous, int CustomerA, int CustomerB, int Operator, int Machine)
    {
        public IReadOnlyList<int> Statuses => [Anonymous, CustomerA, CustomerB, Operator, Machine];

        public int Expected(TestCaller caller) => caller switch
        {
            TestCaller.Anonymous => Anonymous,
            TestCaller.CustomerA => CustomerA,
            TestCaller.CustomerB => CustomerB,
            _ => Operator,
        };
    }

    /// <summary>A fresh system with a product and two orders of customer A: one pending, one completed with its invoice.</summary>
    private sealed class Fixture
    {
        private Fixture(TestSystem system, string pending, string completed)
        {
            System = system;
            PendingOrder = pending;
            CompletedOrder = completed;
        }

        public TestSystem System { get; }

        public string PendingOrder { get; }

        public string CompletedOrder { get; }

        public static async Task<Fixture> CreateAsync(ApiAuthMode mode)
        {
            var system = new TestSystem(new ApiOptions { Auth = mode });
            await system.SeedProductAsync("sku-1", 9.99m, stock: 100);
            var completed = await PlaceAsync(system);
            await system.RunPipelineAsync(completed);
            system.Clock.Advance(TimeSpan.FromSeconds(1));
            var pending = await PlaceAsync(system);
            return new Fixture(system, pending, completed);
        }

        private static async Task<string> PlaceAsync(TestSystem system)
        {
            var request = PlaceOrderValidator.Validate(
                new PlaceOrderRequest(CallerBuilder.CustomerA, "alice@example.com", "Alice", [new OrderLineRequest("sku-1", 1)], "tok_visa", new AddressRequest("1 Main St", null, "Springfield", null, "12345", "US")),
                null);
            return (await system.Services.Orders.PlaceAsync(request)).Order.OrderId;
        }
    }
}
