using OrderProcessing.Functions.Tests.Support;

namespace OrderProcessing.Functions.Tests.Api;

/// <summary>Response bodies keep letters of every script readable, and still escape what HTML would read as markup.</summary>
public sealed class JsonEncodingTests
{
    private TestSystem _system = null!;

    [SetUp]
    public void SetUp() => _system = new TestSystem();

    [Test]
    public async Task ProductNames_InAnyScript_ComeBackLiterally()
    {
        await _system.SendAsync(ApiEventBuilder.Put("/products/sku-cafe", "{\"name\":\"Café Zoë 東京 Ωmega\",\"unitPrice\":3.5,\"currency\":\"EUR\",\"stock\":5}"));

        var result = await _system.SendAsync(ApiEventBuilder.Get("/products/sku-cafe"));

        Assert.That(result.Status, Is.EqualTo(200), result.ToString());
        Assert.That(result.Body, Does.Contain("\"name\":\"Café Zoë 東京 Ωmega\""));
        Assert.That(result.Body, Does.Not.Contain("\\u00E9"));
    }

    [Test]
    public async Task CustomerNames_InOrders_ComeBackLiterally()
    {
        await _system.SeedProductAsync("sku-1");

        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders", new OrderRequestBuilder().Set("customerName", "\"Zoë Núñez-Ørsted\"").Build()));

        Assert.That(result.Status, Is.EqualTo(201), result.ToString());
        Assert.That(result.Body, Does.Contain("\"customerName\":\"Zoë Núñez-Ørsted\""));
    }

    [Test]
    public async Task HtmlSignificantCharacters_AreStillEscaped()
    {
        const string Name = "<script>alert('x')</script> & \"co\"";
        await _system.SendAsync(ApiEventBuilder.Put("/products/sku-xss", "{\"name\":\"<script>alert('x')</script> & \\\"co\\\"\",\"unitPrice\":1,\"currency\":\"USD\",\"stock\":1}"));

        var result = await _system.SendAsync(ApiEventBuilder.Get("/products/sku-xss"));

        Assert.That(result.Status, Is.EqualTo(200), result.ToString());
        Assert.That(result.Body, Does.Not.Contain("<").And.Not.Contain(">").And.Not.Contain("&").And.Not.Contain("'"));
        Assert.That(result.Body, Does.Contain("\\u003Cscript\\u003E"));
        Assert.That(result.Json.GetProperty("name").GetString(), Is.EqualTo(Name));
    }
}
