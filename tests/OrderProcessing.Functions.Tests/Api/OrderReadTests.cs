using OrderProcessing.Functions.Api.Resources;
using OrderProcessing.Functions.Tests.Support;

namespace OrderProcessing.Functions.Tests.Api;

public sealed class OrderReadTests
{
    private TestSystem _system = null!;

    [SetUp]
    public async Task SetUp()
    {
        _system = new TestSystem();
        await _system.SeedProductAsync("sku-1", 9.99m, stock: 100);
    }

    [Test]
    public async Task GetOrder_ReturnsTheOrder()
    {
        var orderId = await _system.PlaceOrderAsync();

        var result = await _system.SendAsync(ApiEventBuilder.Get($"/orders/{orderId}"));

        Assert.That(result.Status, Is.EqualTo(200));
        Assert.That(result.Json.GetProperty("orderId").GetString(), Is.EqualTo(orderId));
    }

    [Test]
    public async Task GetUnknownOrder_Is404Problem()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Get("/orders/ord_unknown"));

        Assert.That(result.Status, Is.EqualTo(404));
        Assert.That(result.Json.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.NotFound));
        Assert.That(result.Json.GetProperty("instance").GetString(), Is.EqualTo("/orders/ord_unknown"));
        Assert.That(result.Json.TryGetProperty("errors", out _), Is.False);
    }

    [Test]
    public async Task GetOrderWithAnOverlongId_Is400NotAStoreError()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Get($"/orders/{new string('x', 300)}"));

        Assert.That(result.Status, Is.EqualTo(400));
        Assert.That(result.ErrorFields, Does.Contain("orderId"));
    }

    [Test]
    public async Task ListOrders_PagesNewestFirst_WithCursors()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await _system.PlaceOrderAsync());
            _system.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await _system.SendAsync(ApiEventBuilder.Get("/orders").Query("limit", "2"));
        var cursor = first.Json.GetProperty("nextCursor").GetString()!;
        var second = await _system.SendAsync(ApiEventBuilder.Get("/orders").Query("limit", "2").Query("cursor", cursor));
        var third = await _system.SendAsync(ApiEventBuilder.Get("/orders").Query("limit", "2").Query("cursor", second.Json.GetProperty("nextCursor").GetString()!));

        var seen = new[] { first, second, third }.SelectMany(p => p.Json.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("orderId").GetString())).ToList();
        Assert.That(seen, Is.EqualTo(Enumerable.Reverse(ids).ToList()));
        Assert.That(third.Json.GetProperty("nextCursor").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [Test]
    public async Task ListOrders_WithoutLimit_ReturnsAtMostTwenty()
    {
        for (var i = 0; i < 21; i++)
        {
            await _system.PlaceOrderAsync();
        }

        var result = await _system.SendAsync(ApiEventBuilder.Get("/orders"));

        Assert.That(result.Json.GetProperty("items").GetArrayLength(), Is.EqualTo(20));
        Assert.That(result.Json.GetProperty("nextCursor").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task ListOrders_ByStatus_ReturnsOnlyThatStatus()
    {
        var cancelled = await _system.PlaceOrderAsync();
        await _system.PlaceOrderAsync();
        await _system.SendAsync(ApiEventBuilder.Post($"/orders/{cancelled}/cancel"));

        var result = await _system.SendAsync(ApiEventBuilder.Get("/orders").Query("status", "CANCELLED"));

        var items = result.Json.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items.Select(o => o.GetProperty("orderId").GetString()), Is.EqualTo(new[] { cancelled }));
    }

    [TestCase("limit", "0", TestName = "ZeroLimit_Is400OnLimit")]
    [TestCase("limit", "101", TestName = "LimitAboveHundred_Is400OnLimit")]
    [TestCase("limit", "ten", TestName = "WordLimit_Is400OnLimit")]
    [TestCase("limit", "2.5", TestName = "FractionalLimit_Is400OnLimit")]
    [TestCase("limit", "-1", TestName = "NegativeLimit_Is400OnLimit")]
    [TestCase("status", "cancelled", TestName = "LowerCaseStatus_Is400OnStatus")]
    [TestCase("status", "LOST", TestName = "UnknownStatus_Is400OnStatus")]
    [TestCase("cursor", "not-a-cursor", TestName = "ForgedCursor_Is400OnCursor")]
    [TestCase("cursor", "", TestName = "EmptyCursor_Is400OnCursor")]
    public async Task BadListingParameter(string name, string value)
    {
        var result = await _system.SendAsync(ApiEventBuilder.Get("/orders").Query(name, value));

        Assert.That(result.Status, Is.EqualTo(400), result.ToString());
        Assert.That(result.ErrorFields, Is.EqualTo(new[] { name }));
    }

    [Test]
    public async Task CursorOfAnotherListing_Is400OnCursor()
    {
        for (var i = 0; i < 3; i++)
        {
            await _system.PlaceOrderAsync();
        }

        var byStatus = await _system.SendAsync(ApiEventBuilder.Get("/orders").Query("status", "PENDING").Query("limit", "1"));
        var cursor = byStatus.Json.GetProperty("nextCursor").GetString()!;

        var result = await _system.SendAsync(ApiEventBuilder.Get("/orders").Query("limit", "1").Query("cursor", cursor));

        Assert.That(result.Status, Is.EqualTo(400));
        Assert.That(result.ErrorFields, Is.EqualTo(new[] { "cursor" }));
    }

    [Test]
    public async Task UnknownQueryParameters_AreIgnored()
    {
        await _system.PlaceOrderAsync();

        var result = await _system.SendAsync(ApiEventBuilder.Get("/orders").Query("sort", "oldest").Query("utm_source", "mail"));

        Assert.That(result.Status, Is.EqualTo(200));
        Assert.That(result.Json.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task CustomerOrders_ListsOnlyThatCustomersOrders_NewestFirst_WithCursors()
    {
        var mine = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            mine.Add(await _system.PlaceOrderAsync(new OrderRequestBuilder().Customer("c-7")));
            await _system.PlaceOrderAsync(new OrderRequestBuilder().Customer("c-8"));
            _system.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await _system.SendAsync(ApiEventBuilder.Get("/customers/c-7/orders").Query("limit", "2"));
        var second = await _system.SendAsync(ApiEventBuilder.Get("/customers/c-7/orders").Query("limit", "2").Query("cursor", first.Json.GetProperty("nextCursor").GetString()!));

        var seen = new[] { first, second }.SelectMany(p => p.Json.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("orderId").GetString())).ToList();
        Assert.That(seen, Is.EqualTo(Enumerable.Reverse(mine).ToList()));
        Assert.That(second.Json.GetProperty("nextCursor").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [Test]
    public async Task CustomerOrders_OfAnUnknownCustomer_IsAnEmptyPage()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Get("/customers/nobody/orders"));

        Assert.That(result.Status, Is.EqualTo(200));
        Assert.That(result.Json.GetProperty("items").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task CustomerOrders_WithABadLimit_Is400()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Get("/customers/c-7/orders").Query("limit", "1000"));

        Assert.That(result.ErrorFields, Is.EqualTo(new[] { "limit" }));
    }

    [Test]
    public async Task CustomerIdInPath_IsUrlDecodedByApiGateway()
    {
        await _system.PlaceOrderAsync(new OrderRequestBuilder().Customer("c:9"));

        var result = await _system.SendAsync(ApiEventBuilder.Get("/customers/c%3A9/orders"));

        Assert.That(result.Json.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
    }
}
