using OrderProcessing.Functions.Tests.Support;

namespace OrderProcessing.Functions.Tests.Api;

public sealed class ProductTests
{
    private const string Widget = "{\"name\":\"Widget\",\"unitPrice\":12.5,\"currency\":\"USD\",\"stock\":7}";

    private TestSystem _system = null!;

    [SetUp]
    public void SetUp() => _system = new TestSystem();

    [Test]
    public async Task Put_ANewProduct_Is201WithLocationAndTheProduct()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Put("/products/sku-9", Widget));

        Assert.That(result.Status, Is.EqualTo(201), result.ToString());
        Assert.That(result.Header("Location"), Is.EqualTo("/products/sku-9"));
        Assert.That(result.Body, Is.EqualTo("{\"productId\":\"sku-9\",\"name\":\"Widget\",\"unitPrice\":12.50,\"currency\":\"USD\",\"stock\":7,\"reserved\":0,\"shipped\":0}"));
    }

    [Test]
    public async Task Put_AnExistingProduct_Is200AndUpdatesIt()
    {
        await _system.SendAsync(ApiEventBuilder.Put("/products/sku-9", Widget));

        var result = await _system.SendAsync(ApiEventBuilder.Put("/products/sku-9", "{\"name\":\"Widget 2\",\"unitPrice\":13,\"currency\":\"USD\",\"stock\":3}"));

        Assert.That(result.Status, Is.EqualTo(200), result.ToString());
        Assert.That(result.Header("Location"), Is.Null);
        Assert.That(result.Json.GetProperty("name").GetString(), Is.EqualTo("Widget 2"));
        Assert.That(result.Json.GetProperty("stock").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public async Task Get_AProduct_Returns200()
    {
        await _system.SendAsync(ApiEventBuilder.Put("/products/sku-9", Widget));

        var result = await _system.SendAsync(ApiEventBuilder.Get("/products/sku-9"));

        Assert.That(result.Status, Is.EqualTo(200));
        Assert.That(result.Json.GetProperty("unitPrice").GetDecimal(), Is.EqualTo(12.50m));
    }

    [Test]
    public async Task Get_AnUnknownProduct_Is404()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Get("/products/sku-none"));

        Assert.That(result.Status, Is.EqualTo(404));
    }

    [Test]
    public async Task List_PagesProductsById_WithCursors()
    {
        foreach (var id in new[] { "b", "a", "c" })
        {
            await _system.SendAsync(ApiEventBuilder.Put($"/products/{id}", Widget));
        }

        var first = await _system.SendAsync(ApiEventBuilder.Get("/products").Query("limit", "2"));
        var second = await _system.SendAsync(ApiEventBuilder.Get("/products").Query("limit", "2").Query("cursor", first.Json.GetProperty("nextCursor").GetString()!));

        var ids = new[] { first, second }.SelectMany(p => p.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("productId").GetString())).ToList();
        Assert.That(ids, Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(second.Json.GetProperty("nextCursor").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [Test]
    public async Task List_WithABadCursor_Is400()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Get("/products").Query("cursor", "abc"));

        Assert.That(result.ErrorFields, Is.EqualTo(new[] { "cursor" }));
    }

    [TestCase("{\"name\":\"W\",\"unitPrice\":\"12.50\",\"currency\":\"USD\",\"stock\":1}", "unitPrice", "must be a number, not a string", TestName = "Put_WithAStringPrice_Is400")]
    [TestCase("{\"name\":\"W\",\"unitPrice\":1e400,\"currency\":\"USD\",\"stock\":1}", "unitPrice", "at most", TestName = "Put_WithAnEnormousPrice_Is400")]
    [TestCase("{\"name\":\"W\",\"unitPrice\":-1,\"currency\":\"USD\",\"stock\":1}", "unitPrice", "greater than 0", TestName = "Put_WithANegativePrice_Is400")]
    [TestCase("{\"name\":\"W\",\"unitPrice\":1.001,\"currency\":\"USD\",\"stock\":1}", "unitPrice", "decimal places", TestName = "Put_WithSubCentPrice_Is400")]
    [TestCase("{\"name\":\"W\",\"unitPrice\":1,\"currency\":\"usd\",\"stock\":1}", "currency", "ISO 4217", TestName = "Put_WithALowerCaseCurrency_Is400")]
    [TestCase("{\"name\":\"W\",\"unitPrice\":1,\"currency\":\"USD\",\"stock\":1.5}", "stock", "whole number", TestName = "Put_WithFractionalStock_Is400")]
    [TestCase("{\"name\":\"W\",\"unitPrice\":1,\"currency\":\"USD\",\"stock\":99999999999}", "stock", "between 0 and", TestName = "Put_WithHugeStock_Is400")]
    [TestCase("{\"name\":\"W\",\"unitPrice\":1,\"currency\":\"USD\"}", "stock", "is required", TestName = "Put_WithoutStock_Is400")]
    [TestCase("{\"name\":[],\"unitPrice\":1,\"currency\":\"USD\",\"stock\":1}", "name", "must be a string, not an array", TestName = "Put_WithAnArrayName_Is400")]
    public async Task PutWithABadField(string body, string field, string message)
    {
        var result = await _system.SendAsync(ApiEventBuilder.Put("/products/sku-9", body));

        Assert.That(result.Status, Is.EqualTo(400), result.ToString());
        Assert.That(result.ErrorsOf(field), Has.Some.Contains(message));
        Assert.That((await _system.SendAsync(ApiEventBuilder.Get("/products/sku-9"))).Status, Is.EqualTo(404), "a rejected product was stored");
    }
}
