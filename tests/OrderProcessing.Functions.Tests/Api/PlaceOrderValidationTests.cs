using System.Text;
using OrderProcessing.Functions.Api.Resources;
using OrderProcessing.Functions.Tests.Support;

namespace OrderProcessing.Functions.Tests.Api;

/// <summary>Every way a <c>POST /orders</c> body can be wrong is a 400 naming the field, and nothing is stored.</summary>
public sealed class PlaceOrderValidationTests
{
    private TestSystem _system = null!;

    [SetUp]
    public async Task SetUp()
    {
        _system = new TestSystem();
        await _system.SeedProductAsync("sku-1", 9.99m, stock: 10);
        await _system.SeedProductAsync("sku-2", 5m, stock: 10);
        await _system.SeedProductAsync("sku-eur", 5m, stock: 10, currency: "EUR");
    }

    [TearDown]
    public async Task NothingOfARejectedRequestIsStored()
    {
        var all = await _system.SendAsync(ApiEventBuilder.Get("/orders"));
        Assert.That(all.Json.GetProperty("items").GetArrayLength(), Is.Zero, "a rejected request stored an order");
        Assert.That((await _system.StockAsync("sku-1")).Available, Is.EqualTo(10));
    }

    private static IEnumerable<TestCaseData> FieldViolations()
    {
        TestCaseData Case(string name, Func<OrderRequestBuilder, OrderRequestBuilder> change, string field, string message) =>
            new TestCaseData(change, field, message).SetName($"Invalid_{name}_Is400On_{field}");

        yield return Case("MissingCustomerId", b => b.Without("customerId"), "customerId", "is required");
        yield return Case("NumericCustomerId", b => b.Set("customerId", "42"), "customerId", "must be a string, not a number");
        yield return Case("CustomerIdWithSlash", b => b.Set("customerId", "\"c/42\""), "customerId", "may contain only");
        yield return Case("LongCustomerName", b => b.Set("customerName", $"\"{new string('n', 201)}\""), "customerName", "at most 200 characters");
        yield return Case("ImplausibleEmail", b => b.Set("customerEmail", "\"jane.example.com\""), "customerEmail", "valid email");
        yield return Case("ObjectAsEmail", b => b.Set("customerEmail", "{}"), "customerEmail", "must be a string, not an object");
        yield return Case("MissingPaymentToken", b => b.Without("paymentToken"), "paymentToken", "is required");
        yield return Case("NullPaymentToken", b => b.Set("paymentToken", "null"), "paymentToken", "is required");
        yield return Case("ItemsAsObject", b => b.Set("items", "{}"), "items", "must be an array, not an object");
        yield return Case("NoItems", b => b.Set("items", "[]"), "items", "between 1 and 100");
        yield return Case("ItemAsString", b => b.Set("items", "[\"sku-1\"]"), "items[0]", "must be an object, not a string");
        yield return Case("FractionalQuantity", b => b.Set("items[0].quantity", "2.5"), "items[0].quantity", "must be a whole number");
        yield return Case("HugeQuantity", b => b.Set("items[0].quantity", "1e30"), "items[0].quantity", "between 1 and 1000");
        yield return Case("EnormousQuantity", b => b.Set("items[0].quantity", "1e400"), "items[0].quantity", "between 1 and 1000");
        yield return Case("QuantityAsString", b => b.Set("items[0].quantity", "\"2\""), "items[0].quantity", "must be a whole number, not a string");
        yield return Case("ZeroQuantity", b => b.Set("items[0].quantity", "0"), "items[0].quantity", "between 1 and 1000");
        yield return Case("QuantityAboveLimit", b => b.Set("items[0].quantity", "1001"), "items[0].quantity", "between 1 and 1000");
        yield return Case("MissingProductId", b => b.Without("items[0].productId"), "items[0].productId", "is required");
        yield return Case("UnknownProduct", b => b.Set("items[0].productId", "\"sku-nope\""), "items[0].productId", "unknown product 'sku-nope'");
        yield return Case("SameProductTwice", b => b.Items(("sku-1", 1), ("sku-1", 2)), "items[1].productId", "more than once");
        yield return Case("MixedCurrencies", b => b.Items(("sku-1", 1), ("sku-eur", 1)), "items", "one currency");
        yield return Case("AddressAsString", b => b.Set("shippingAddress", "\"1 Main St\""), "shippingAddress", "must be an object, not a string");
        yield return Case("MissingAddress", b => b.Without("shippingAddress"), "shippingAddress", "is required");
        yield return Case("UnknownCountry", b => b.Set("shippingAddress.country", "\"XX\""), "shippingAddress.country", "ISO 3166-1");
        yield return Case("LowerCaseCountry", b => b.Set("shippingAddress.country", "\"us\""), "shippingAddress.country", "ISO 3166-1");
        yield return Case("MissingCity", b => b.Without("shippingAddress.city"), "shippingAddress.city", "is required");
        yield return Case("BooleanPostalCode", b => b.Set("shippingAddress.postalCode", "true"), "shippingAddress.postalCode", "must be a string, not a boolean");
        yield return Case("ControlCharacterInLine1", b => b.Set("shippingAddress.line1", "\"1 Main\\u0007St\""), "shippingAddress.line1", "control characters");
    }

    [TestCaseSource(nameof(FieldViolations))]
    public async Task FieldViolation(Func<OrderRequestBuilder, OrderRequestBuilder> change, string field, string message)
    {
        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", change(new OrderRequestBuilder()).Build()));

        Assert.That(result.Status, Is.EqualTo(400), result.ToString());
        Assert.That(result.ErrorsOf(field), Has.Some.Contains(message), result.ToString());
        Assert.That(result.Json.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.ValidationFailed));
    }

    [Test]
    public async Task ManyViolations_AreReportedTogether_TypeErrorsAlongsideDomainRules()
    {
        var body = new OrderRequestBuilder()
            .Set("customerId", "7")
            .Set("items[0].quantity", "0.5")
            .Set("shippingAddress.country", "\"XX\"")
            .Without("customerName")
            .Build();

        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", body));

        Assert.That(result.ErrorFields, Is.SupersetOf(new[] { "customerId", "items[0].quantity", "shippingAddress.country", "customerName" }));
        Assert.That(result.ErrorsOf("customerId"), Has.Count.EqualTo(1), "a type error must not also read as 'is required'");
    }

    [Test]
    public async Task EscapedLoneSurrogate_Is400OnThatField()
    {
        var body = new OrderRequestBuilder().Build().Replace("\"Jane Doe\"", "\"Jane \\ud800\"", StringComparison.Ordinal);

        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", body));

        Assert.That(result.ErrorsOf("customerName"), Has.Some.Contains("Unicode"), result.ToString());
    }

    [Test]
    public async Task TooManyLines_Is400OnItems()
    {
        var body = new OrderRequestBuilder().Items(Enumerable.Range(0, 101).Select(i => ($"p-{i}", 1)).ToArray()).Build();

        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", body));

        Assert.That(result.ErrorsOf("items"), Has.Some.Contains("between 1 and 100"));
    }

    [TestCase("{\"customerId\": \"c-42\", \"items\": [", TestName = "TruncatedJson_Is400OnBody")]
    [TestCase("{\"customerId\": \"c-42\",}", TestName = "TrailingComma_Is400OnBody")]
    [TestCase("{'customerId': 'c-42'}", TestName = "SingleQuotes_Is400OnBody")]
    [TestCase("{\"customerId\": \"c-42\"} {}", TestName = "TwoDocuments_Is400OnBody")]
    [TestCase("{\"customerId\": \"c-42\" /* who */}", TestName = "Comment_Is400OnBody")]
    [TestCase("{\"quantity\": 01}", TestName = "LeadingZero_Is400OnBody")]
    public async Task MalformedJson(string body)
    {
        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", body));

        Assert.That(result.Status, Is.EqualTo(400), result.ToString());
        Assert.That(result.ErrorsOf("body"), Has.Some.StartsWith("is not valid JSON"));
    }

    [TestCase("[]", "an array")]
    [TestCase("\"order\"", "a string")]
    [TestCase("null", "null")]
    public async Task BodyThatIsNotAnObject_Is400OnBody(string body, string kind)
    {
        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", body));

        Assert.That(result.ErrorsOf("body"), Has.Some.EqualTo($"must be a JSON object, not {kind}"));
    }

    [Test]
    public async Task EmptyBody_Is400OnBody()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders").Header("Content-Type", "application/json"));

        Assert.That(result.Status, Is.EqualTo(400));
        Assert.That(result.ErrorsOf("body"), Has.Some.StartsWith("is required"));
    }

    [Test]
    public async Task DuplicateMember_Is400OnThatMember()
    {
        var body = new OrderRequestBuilder().Build().Replace("\"customerId\":\"c-42\"", "\"customerId\":\"c-42\",\"customerId\":\"c-43\"", StringComparison.Ordinal);

        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", body));

        Assert.That(result.Status, Is.EqualTo(400), result.ToString());
        Assert.That(result.ErrorsOf("customerId"), Is.EqualTo(new[] { "appears more than once" }));
    }

    [Test]
    public async Task DuplicateMemberInsideALine_Is400OnThatLinesMember()
    {
        var body = new OrderRequestBuilder().Build().Replace("\"quantity\":2", "\"quantity\":2,\"quantity\":200", StringComparison.Ordinal);

        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", body));

        Assert.That(result.ErrorsOf("items[0].quantity"), Is.EqualTo(new[] { "appears more than once" }));
    }

    [Test]
    public async Task DeepNesting_Is400OnBody()
    {
        var deep = new StringBuilder("{\"customerId\":\"c-42\",\"extra\":");
        deep.Append(string.Concat(Enumerable.Repeat("[", 40))).Append(string.Concat(Enumerable.Repeat("]", 40))).Append('}');

        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", deep.ToString()));

        Assert.That(result.Status, Is.EqualTo(400), result.ToString());
        Assert.That(result.ErrorsOf("body"), Has.Some.Contains("nest deeper"));
    }

    [Test]
    public async Task InvalidBase64Body_Is400OnBody()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders").Header("Content-Type", "application/json").Body("not base64!", base64: true));

        Assert.That(result.ErrorsOf("body"), Has.Some.Contains("base64"));
    }

    [Test]
    public async Task ValidationProblem_IsProblemJsonWithErrorsAndInstance()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Without("customerId").Build()));

        Assert.That(result.Header("Content-Type"), Is.EqualTo("application/problem+json; charset=utf-8"));
        Assert.That(result.Json.GetProperty("status").GetInt32(), Is.EqualTo(400));
        Assert.That(result.Json.GetProperty("title").GetString(), Is.Not.Empty);
        Assert.That(result.Json.GetProperty("detail").GetString(), Is.Not.Empty);
        Assert.That(result.Json.GetProperty("instance").GetString(), Is.EqualTo("/orders"));
        Assert.That(result.Json.GetProperty("requestId").GetString(), Is.EqualTo("c6af9ac6-7b61-11e6-9a41-93e8deadbeef"));
    }
}
