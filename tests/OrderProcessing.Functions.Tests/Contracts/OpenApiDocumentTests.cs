using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Api;
using OrderProcessing.Functions.Api.Resources;
using OrderProcessing.Functions.Tests.Authorization;
using OrderProcessing.Functions.Tests.Support;
using OrderProcessing.Testing.Contracts;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Tests.Contracts;

/// <summary>
/// The OpenAPI document (<c>contracts/http-api/v1/openapi.json</c>) cannot drift from the code: every route of the
/// topology is an operation with its access and security, every problem type and status is listed, the JSON the API
/// writes conforms to the document's schemas, and the function serves the committed file at <c>/openapi.json</c>.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private TestSystem _system = null!;

    [SetUp]
    public async Task SetUp()
    {
        _system = new TestSystem();
        await _system.SeedProductAsync();
    }

    [TestCaseSource(typeof(SystemTopology), nameof(SystemTopology.ApiRoutes))]
    public void EveryRoute_IsAnOperation_WithItsAccessAndSecurity(ApiRoute route)
    {
        var operation = HttpApiContract.Operations.SingleOrDefault(o => o.Key == route.Key);

        Assert.That(operation, Is.Not.Null, $"{route.Key} is not in {HttpApiContract.DocumentFile}");
        Assert.That(operation!.Access, Is.EqualTo(route.Access.ToString().ToLowerInvariant()));
        if (route.Access == ApiAccess.Public)
        {
            Assert.That(operation.SecuritySchemes, Is.Empty, "a public route needs no credentials (security: [])");
        }
        else
        {
            Assert.That(operation.SecuritySchemes, Does.Contain(HttpApiContract.BearerScheme));
        }
    }

    [Test]
    public void EveryOperation_IsARoute()
    {
        var routed = SystemTopology.ApiRoutes.Select(r => r.Key).ToHashSet();

        var unrouted = HttpApiContract.Operations.Select(o => o.Key).Where(k => !routed.Contains(k));

        Assert.That(unrouted, Is.Empty, "operations of the document that no route of the topology serves");
    }

    [Test]
    public void EveryOperation_HasAnAccessMatchingItsSecurity()
    {
        foreach (var operation in HttpApiContract.Operations)
        {
            Assert.That(operation.Access, Is.AnyOf("public", "customer", "operator"), operation.Key);
            Assert.That(operation.SecuritySchemes, operation.Access == "public" ? Is.Empty : Does.Contain(HttpApiContract.BearerScheme), operation.Key);
        }
    }

    [Test]
    public void TheProblemTypes_AreExactlyThoseOfTheCode()
    {
        var inCode = typeof(ProblemTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);

        var documented = HttpApiContract.Document["components"]!["schemas"]!["Problem"]!["properties"]!["type"]!["enum"]!.AsArray().Select(t => t!.GetValue<string>());

        Assert.That(documented, Is.EquivalentTo(inCode));
    }

    [Test]
    public void TheOrderStatuses_AreExactlyThoseOfTheDomain()
    {
        var documented = HttpApiContract.Document["components"]!["schemas"]!["OrderStatus"]!["enum"]!.AsArray().Select(t => t!.GetValue<string>());

        Assert.That(documented, Is.EquivalentTo(OrderStatusNames.All));
    }

    [Test]
    public async Task TheFunction_ServesTheCommittedDocument()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Get("/openapi.json"));

        Assert.That(result.Status, Is.EqualTo(200));
        Assert.That(result.Header("Content-Type"), Is.EqualTo("application/json; charset=utf-8"));
        Assert.That(result.Body, Is.EqualTo(await File.ReadAllTextAsync(HttpApiContract.FullPath, Encoding.UTF8)));
    }

    [TestCaseSource(nameof(SampleResources))]
    public void AResource_AsTheApiWritesIt_ConformsToItsSchema(string schema, string json)
    {
        Assert.That(HttpApiContract.Violations(schema, json), Is.Empty, json);
    }

    [TestCase("Order", "{\"orderId\":\"ord_1\"}", TestName = "{m}(missing members)")]
    [TestCase("Problem", "{\"type\":\"urn:orderprocessing:problem:made-up\",\"title\":\"t\",\"status\":400,\"detail\":\"d\"}", TestName = "{m}(unknown problem type)")]
    [TestCase("Health", "{\"status\":\"ok\",\"environment\":\"test\",\"extra\":1}", TestName = "{m}(undocumented member)")]
    [TestCase("OrderExport", "{\"orderId\":\"ord_1\",\"createdAt\":\"2026-03-01T12:00:00Z\",\"status\":\"PENDING\",\"currency\":\"USD\",\"total\":1,\"items\":[{\"productId\":\"sku-1\",\"quantity\":1,\"name\":\"Pen\"}],\"trackingNumber\":null}", TestName = "{m}(export line with an undocumented member)")]
    [TestCase("OrderExportCsv", "\"orderId,status\\r\\n\"", TestName = "{m}(csv with another header)")]
    public void AResourceThatBreaksItsSchema_IsReported(string schema, string json)
    {
        Assert.That(HttpApiContract.Violations(schema, json), Is.Not.Empty);
    }

    [Test]
    public async Task TheApisAnswers_ThroughAWholeOrderLifecycle_ConformToTheSchemas()
    {
        var placed = await _system.SendAsync(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Build()));
        var orderId = placed.Json.GetProperty("orderId").GetString()!;
        await _system.RunPipelineAsync(orderId);
        var answers = new (string Schema, ProxyResult Result)[]
        {
            ("Order", placed),
            ("Order", await _system.SendAsync(ApiEventBuilder.Get($"/orders/{orderId}"))),
            ("OrderPage", await _system.SendAsync(ApiEventBuilder.Get("/orders").Query("limit", "1"))),
            ("OrderPage", await _system.SendAsync(ApiEventBuilder.Get($"/customers/c-42/orders"))),
            ("Product", await _system.SendAsync(ApiEventBuilder.Get("/products/sku-1"))),
            ("ProductPage", await _system.SendAsync(ApiEventBuilder.Get("/products"))),
            ("Health", await _system.SendAsync(ApiEventBuilder.Get("/health"))),
            ("Problem", await _system.SendAsync(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Items(("sku-1", 0)).Build()))),
            ("Problem", await _system.SendAsync(ApiEventBuilder.Get("/orders/ord_nowhere"))),
            ("Problem", await _system.SendAsync(ApiEventBuilder.Delete("/health"))),
            ("Problem", await _system.SendAsync(ApiEventBuilder.Post($"/orders/{orderId}/cancel"))),
            ("Problem", await _system.SendAsync(ApiEventBuilder.Get("/customers/me/orders"))),
            ("Problem", await _system.SendAsync(ApiEventBuilder.Get("/customers/c-42/orders/export").Query("format", "xml"))),
        };

        Assert.That(answers.Select(a => a.Result.Status), Is.EqualTo(new[] { 201, 200, 200, 200, 200, 200, 200, 400, 404, 405, 409, 404, 400 }));
        foreach (var (schema, result) in answers)
        {
            Assert.That(HttpApiContract.Violations(schema, result.Body), Is.Empty, result.ToString());
        }
    }

    [TestCase(null, "OrderExportCsv", "text/csv", TestName = "{m}(default: csv)")]
    [TestCase("csv", "OrderExportCsv", "text/csv", TestName = "{m}(csv)")]
    [TestCase("json", "OrderExportList", "application/json", TestName = "{m}(json)")]
    public async Task TheExport_OfAShippedAndAPendingOrder_ConformsToItsSchemaAndHeaders(string? format, string schema, string mediaType)
    {
        var shipped = (await _system.SendAsync(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Build()))).Json.GetProperty("orderId").GetString()!;
        await _system.RunPipelineAsync(shipped);
        _system.Clock.Advance(TimeSpan.FromSeconds(1));
        await _system.SendAsync(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Build()));
        var request = ApiEventBuilder.Get("/customers/c-42/orders/export");

        var result = await _system.SendAsync(format is null ? request : request.Query("format", format));

        Assert.That(result.Status, Is.EqualTo(200), result.ToString());
        Assert.That(result.Header("Content-Type"), Does.StartWith(mediaType));
        Assert.That(DocumentedOperationMediaTypes("/customers/{customerId}/orders/export"), Does.Contain(mediaType));
        Assert.That(result.Header("Content-Disposition"), Does.Match(DocumentedHeaderPattern("ExportDisposition")));
        var body = schema == "OrderExportCsv" ? JsonSerializer.Serialize(result.Body) : result.Body;
        Assert.That(HttpApiContract.Violations(schema, body), Is.Empty, result.ToString());
        Assert.That(result.Body, Does.Contain(shipped));
    }

    [Test]
    public async Task TheCallerRefusalsAndACustomersOwnAnswers_ConformToTheSchemas()
    {
        var system = new TestSystem(new ApiOptions { Auth = ApiAuthMode.Cognito });
        await system.SeedProductAsync();
        var customer = CallerBuilder.ClaimsOf(TestCaller.CustomerA)!;
        await system.SendAsync(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Without("customerId").Build()).Claims(customer));
        var answers = new (string Schema, int Status, ProxyResult Result)[]
        {
            ("Problem", 401, await system.SendAsync(ApiEventBuilder.Get("/customers/me/orders"))),
            ("Problem", 403, await system.SendAsync(ApiEventBuilder.Get("/orders").Claims(customer))),
            ("Problem", 403, await system.SendAsync(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Customer("c-someone-else").Build()).Claims(customer))),
            ("OrderPage", 200, await system.SendAsync(ApiEventBuilder.Get("/customers/me/orders").Claims(customer))),
            ("OrderExportList", 200, await system.SendAsync(ApiEventBuilder.Get("/customers/me/orders/export").Query("format", "json").Claims(customer))),
        };

        foreach (var (schema, status, result) in answers)
        {
            Assert.That(result.Status, Is.EqualTo(status), result.ToString());
            Assert.That(HttpApiContract.Violations(schema, result.Body), Is.Empty, result.ToString());
        }

        Assert.That(answers[0].Result.Header("WWW-Authenticate"), Does.Match(DocumentedHeaderPattern("WWWAuthenticate")));
    }

    private static IEnumerable<TestCaseData> SampleResources()
    {
        var at = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        var order = new OrderResource(
            "ord_1", "c-42", "jane@example.com", "Jane Doe", "PENDING",
            [new OrderItemResource("sku-1", "Café", 2, 12.50m, 25.00m)],
            "USD", 25.00m,
            new AddressResource("1 Main St", null, "Springfield", null, "12345", "US"),
            null, false, at, at,
            [new HistoryEntryResource("PENDING", at, "Order placed.")]);
        var shipped = order with
        {
            Status = "SHIPPED",
            ShippingAddress = new AddressResource("1 Main St", "Flat 2", "Springfield", "IL", "12345", "US"),
            TrackingNumber = "TRK-1",
        };
        var product = new ProductResource("sku-1", "Café", 12.50m, "USD", 8, 2, 0);
        var json = ApiJsonContext.Responses;
        yield return Case("Order", JsonSerializer.Serialize(order, json.OrderResource), "order, optional members null");
        yield return Case("Order", JsonSerializer.Serialize(shipped, json.OrderResource), "order, optional members set");
        yield return Case("OrderPage", JsonSerializer.Serialize(new OrderPageResource([order], "opaque"), json.OrderPageResource), "page with a cursor");
        yield return Case("OrderPage", JsonSerializer.Serialize(new OrderPageResource([], null), json.OrderPageResource), "last page");
        yield return Case("Product", JsonSerializer.Serialize(product, json.ProductResource), "product");
        yield return Case("ProductPage", JsonSerializer.Serialize(new ProductPageResource([product], null), json.ProductPageResource), "product page");
        yield return Case("Health", JsonSerializer.Serialize(new HealthResource("ok", "dev"), json.HealthResource), "health");
        yield return Case("Problem", JsonSerializer.Serialize(new ProblemDetails
        {
            Type = ProblemTypes.ValidationFailed,
            Title = "The request is not valid",
            Status = 400,
            Detail = "See errors.",
            Instance = "/orders",
            Errors = new Dictionary<string, string[]> { ["items[0].quantity"] = ["must be between 1 and 1000"] },
            RequestId = "req-1",
        }, json.ProblemDetails), "validation problem");
        var export = new OrderExportResource("ord_1", at, "PENDING", "USD", 25.00m, [new OrderExportItemResource("sku-1", 2)], null);
        yield return Case("OrderExport", JsonSerializer.Serialize(export, json.OrderExportResource), "export, not shipped");
        yield return Case("OrderExport", JsonSerializer.Serialize(export with { Status = "SHIPPED", TrackingNumber = "TRK-1" }, json.OrderExportResource), "export, shipped");
        yield return Case("OrderExportList", "[" + JsonSerializer.Serialize(export, json.OrderExportResource) + "]", "export list");
        yield return Case("OrderExportList", "[]", "empty export list");
        yield return Case("Problem", JsonSerializer.Serialize(new ProblemDetails { Type = ProblemTypes.ExportTooLarge, Title = "Export too large", Status = 422, Detail = "Too large." }, json.ProblemDetails), "export too large");
        yield return Case("Problem", JsonSerializer.Serialize(new ProblemDetails { Type = ProblemTypes.Unauthorized, Title = "Unauthorized", Status = 401, Detail = "No token." }, json.ProblemDetails), "problem without instance");
    }

    // The pattern, or the constant as an anchored pattern, of a header component of the document.
    private static string DocumentedHeaderPattern(string component)
    {
        var schema = HttpApiContract.Document["components"]!["headers"]![component]!["schema"]!;
        return schema["pattern"]?.GetValue<string>() ?? $"^{Regex.Escape(schema["const"]!.GetValue<string>())}$";
    }

    private static IEnumerable<string> DocumentedOperationMediaTypes(string path) =>
        HttpApiContract.Document["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!.AsObject().Select(c => c.Key);

    private static TestCaseData Case(string schema, string json, string name) => new TestCaseData(schema, json).SetName($"{{m}}({name})");
}
