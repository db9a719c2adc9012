using System.Text.Json;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Api.Resources;
using OrderProcessing.Functions.Tests.Support;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Tests.Api;

public sealed class PlaceOrderTests
{
    private TestSystem _system = null!;

    [SetUp]
    public async Task SetUp()
    {
        _system = new TestSystem();
        await _system.SeedProductAsync("sku-1", 9.99m, stock: 10);
        await _system.SeedProductAsync("sku-2", 0.50m, stock: 10);
    }

    [Test]
    public async Task PlaceOrder_WithTheContractExample_Returns201WithLocationAndThePendingOrder()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Build()));

        Assert.That(result.Status, Is.EqualTo(201), result.ToString());
        var orderId = result.Json.GetProperty("orderId").GetString();
        Assert.That(result.Header("Location"), Is.EqualTo($"/orders/{orderId}"));
        Assert.That(result.Header("Content-Type"), Is.EqualTo("application/json; charset=utf-8"));
        Assert.That(result.Json.GetProperty("status").GetString(), Is.EqualTo("PENDING"));
        Assert.That(await _system.Services.Orders.GetAsync(orderId!), Is.Not.Null);
    }

    [Test]
    public async Task OrderRepresentation_HasExactlyTheContractMembers_AndNeverThePaymentToken()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Build()));

        var members = result.Json.EnumerateObject().Select(p => p.Name).ToList();
        Assert.That(members, Is.EquivalentTo(new[]
        {
            "orderId", "customerId", "customerEmail", "customerName", "status", "items", "currency", "total",
            "shippingAddress", "trackingNumber", "invoiceAvailable", "createdAt", "updatedAt", "history",
        }));
        Assert.That(result.Body, Does.Not.Contain("tok_visa").And.Not.Contain("paymentToken"));
        Assert.That(result.Json.GetProperty("trackingNumber").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(result.Json.GetProperty("invoiceAvailable").GetBoolean(), Is.False);
        Assert.That(result.Json.GetProperty("customerEmail").GetString(), Is.EqualTo(OrderRequestBuilder.Email));
    }

    [Test]
    public async Task OrderRepresentation_PricesLinesFromTheCatalog_WithTheCurrencysMinorDigits()
    {
        var body = new OrderRequestBuilder().Items(("sku-1", 2), ("sku-2", 3)).Build();

        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", body));

        var raw = result.Body;
        Assert.That(raw, Does.Contain("\"unitPrice\":0.50").And.Contain("\"lineTotal\":1.50").And.Contain("\"total\":21.48"));
        var line = result.Json.GetProperty("items")[0];
        Assert.That(line.GetProperty("productId").GetString(), Is.EqualTo("sku-1"));
        Assert.That(line.GetProperty("name").GetString(), Is.EqualTo("Product sku-1"));
        Assert.That(line.GetProperty("quantity").GetInt32(), Is.EqualTo(2));
        Assert.That(line.GetProperty("lineTotal").GetDecimal(), Is.EqualTo(19.98m));
        Assert.That(result.Json.GetProperty("currency").GetString(), Is.EqualTo("USD"));
    }

    [Test]
    public async Task OrderRepresentation_InAZeroDigitCurrency_HasNoDecimals()
    {
        await _system.SeedProductAsync("sku-yen", 1200m, stock: 5, currency: "JPY");

        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Items(("sku-yen", 1)).Build()));

        Assert.That(result.Body, Does.Contain("\"total\":1200,"));
    }

    [Test]
    public async Task OrderRepresentation_HasHistoryWithStatusTimeAndReason_InUtc()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Build()));

        var history = result.Json.GetProperty("history");
        Assert.That(history.GetArrayLength(), Is.EqualTo(1));
        Assert.That(history[0].GetProperty("status").GetString(), Is.EqualTo("PENDING"));
        Assert.That(history[0].GetProperty("reason").GetString(), Is.Not.Empty);
        Assert.That(history[0].GetProperty("at").GetString(), Does.EndWith("Z"));
        Assert.That(result.Json.GetProperty("createdAt").GetDateTimeOffset(), Is.EqualTo(_system.Clock.GetUtcNow()));
    }

    [Test]
    public async Task ShippingAddress_KeepsOptionalLinesAsNull()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Build()));

        var address = result.Json.GetProperty("shippingAddress");
        Assert.That(address.GetProperty("line1").GetString(), Is.EqualTo("1 Main St"));
        Assert.That(address.GetProperty("line2").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(address.GetProperty("country").GetString(), Is.EqualTo("US"));
    }

    [Test]
    public async Task UnknownMembers_AreIgnored()
    {
        var body = new OrderRequestBuilder().Set("giftWrap", "true").Set("shippingAddress.floor", "3").Build();

        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", body));

        Assert.That(result.Status, Is.EqualTo(201), result.ToString());
    }

    [Test]
    public async Task SameIdempotencyKeyAndBody_ReturnsTheFirstOrderAgain_AndStoresOneOrder()
    {
        var body = new OrderRequestBuilder().Build();

        var first = await _system.SendAsync(ApiEventBuilder.Post("/orders", body).Header("Idempotency-Key", "key-1"));
        var second = await _system.SendAsync(ApiEventBuilder.Post("/orders", body).Header("Idempotency-Key", "key-1"));

        Assert.That(second.Status, Is.EqualTo(201), second.ToString());
        Assert.That(second.Json.GetProperty("orderId").GetString(), Is.EqualTo(first.Json.GetProperty("orderId").GetString()));
        Assert.That(second.Header("Location"), Is.EqualTo(first.Header("Location")));
        Assert.That(second.Header("Idempotent-Replayed"), Is.EqualTo("true"));
        Assert.That(first.Header("Idempotent-Replayed"), Is.Null);
        var all = await _system.SendAsync(ApiEventBuilder.Get("/orders"));
        Assert.That(all.Json.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task SameIdempotencyKey_WithTheSameMeaningDifferentlyFormatted_IsAReplay()
    {
        var body = new OrderRequestBuilder().Build();
        var reformatted = JsonSerializer.Serialize(JsonDocument.Parse(body).RootElement, new JsonSerializerOptions { WriteIndented = true });

        var first = await _system.SendAsync(ApiEventBuilder.Post("/orders", body).Header("Idempotency-Key", "key-fmt"));
        var second = await _system.SendAsync(ApiEventBuilder.Post("/orders", reformatted).Header("Idempotency-Key", "key-fmt"));

        Assert.That(second.Json.GetProperty("orderId").GetString(), Is.EqualTo(first.Json.GetProperty("orderId").GetString()));
    }

    [Test]
    public async Task SameIdempotencyKey_WithADifferentBody_Is409AndStoresNothingNew()
    {
        await _system.SendAsync(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Build()).Header("Idempotency-Key", "key-2"));

        var reused = await _system.SendAsync(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Items(("sku-1", 3)).Build()).Header("Idempotency-Key", "key-2"));

        Assert.That(reused.Status, Is.EqualTo(409), reused.ToString());
        Assert.That(reused.Json.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.IdempotencyKeyReused));
        var all = await _system.SendAsync(ApiEventBuilder.Get("/orders"));
        Assert.That(all.Json.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task SameIdempotencyKey_AfterItsOrderWasDeleted_Is409AndRecreatesNothing()
    {
        var body = new OrderRequestBuilder().Build();
        var orderId = await _system.PlaceOrderAsync(idempotencyKey: "key-deleted");
        await _system.RunPipelineAsync(orderId);
        Assert.That((await _system.SendAsync(ApiEventBuilder.Delete($"/orders/{orderId}"))).Status, Is.EqualTo(204));
        var stockAfterDelete = await _system.StockAsync();

        var replay = await _system.SendAsync(ApiEventBuilder.Post("/orders", body).Header("Idempotency-Key", "key-deleted"));
        var lateReserve = await _system.DeliverAsync(SystemTopology.ReserveInventory, new StageEventBuilder().Record(orderId, OrderStatus.Pending));

        Assert.That(replay.Status, Is.EqualTo(409), replay.ToString());
        Assert.That(lateReserve, Is.Empty);
        Assert.That(replay.Json.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.IdempotencyKeyOrderDeleted));
        Assert.That(replay.Json.GetProperty("detail").GetString(), Does.Contain("the order created with this Idempotency-Key was deleted").IgnoreCase);
        Assert.That((await _system.SendAsync(ApiEventBuilder.Get($"/orders/{orderId}"))).Status, Is.EqualTo(404));
        Assert.That((await _system.SendAsync(ApiEventBuilder.Get("/orders"))).Json.GetProperty("items").GetArrayLength(), Is.Zero);
        Assert.That(await _system.StockAsync(), Is.EqualTo(stockAfterDelete), "the deleted order's shipped units stay shipped");
        Assert.That(stockAfterDelete, Is.EqualTo(new Core.Catalog.StockLevel(8, 0, 2)));
    }

    [Test]
    public async Task IdempotencyKey_IsMatchedCaseInsensitivelyByHeaderName()
    {
        var body = new OrderRequestBuilder().Build();

        var first = await _system.SendAsync(ApiEventBuilder.Post("/orders", body).Header("idempotency-key", "key-3"));
        var second = await _system.SendAsync(ApiEventBuilder.Post("/orders", body).Header("IDEMPOTENCY-KEY", "key-3"));

        Assert.That(second.Json.GetProperty("orderId").GetString(), Is.EqualTo(first.Json.GetProperty("orderId").GetString()));
    }

    [TestCase("")]
    [TestCase("key with\ttab")]
    public async Task MalformedIdempotencyKey_Is400OnTheHeader(string key)
    {
        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Build()).Header("Idempotency-Key", key));

        Assert.That(result.Status, Is.EqualTo(400), result.ToString());
        Assert.That(result.ErrorFields, Does.Contain("Idempotency-Key"));
    }

    [Test]
    public async Task TooLongIdempotencyKey_Is400OnTheHeader()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Build()).Header("Idempotency-Key", new string('k', 201)));

        Assert.That(result.ErrorFields, Does.Contain("Idempotency-Key"));
    }

    [Test]
    public async Task PlacedOrder_IsLoggedAndCountedInOrdersCreated()
    {
        await _system.SendAsync(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Build()));

        var metric = _system.OutputLines.Single(l => l.TryGetProperty("OrdersCreated", out _));
        Assert.That(metric.GetProperty("OrdersCreated").GetDouble(), Is.EqualTo(1));
        Assert.That(metric.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Namespace").GetString(), Is.EqualTo("OrderProcessing"));
    }

    [Test]
    public async Task ReplayedOrder_IsNotCountedAgain()
    {
        var body = new OrderRequestBuilder().Build();
        await _system.SendAsync(ApiEventBuilder.Post("/orders", body).Header("Idempotency-Key", "key-4"));
        await _system.SendAsync(ApiEventBuilder.Post("/orders", body).Header("Idempotency-Key", "key-4"));

        Assert.That(_system.OutputLines.Count(l => l.TryGetProperty("OrdersCreated", out _)), Is.EqualTo(1));
    }
}
