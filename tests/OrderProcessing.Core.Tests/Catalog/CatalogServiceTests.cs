using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.InMemory;
using OrderProcessing.Core.Pricing;

namespace OrderProcessing.Core.Tests.Catalog;

/// <summary><c>PUT /products/{productId}</c>: price at the currency's minor unit, a supported currency, stock in bounds.</summary>
public class CatalogServiceTests
{
    private InMemoryCatalog _catalog = null!;
    private CatalogService _service = null!;

    [SetUp]
    public void SetUp()
    {
        _catalog = new InMemoryCatalog();
        _service = new CatalogService(_catalog);
    }

    [Test]
    public async Task Put_NewProduct_CreatesIt_WithItsPriceAndStock()
    {
        var (product, created) = await _service.PutAsync("sku-1", new ProductRequest("Widget", 9.99m, "USD", 10));

        Assert.That(created, Is.True);
        Assert.That(product, Is.EqualTo(new Product("sku-1", "Widget", new Money(9.99m, Currency.Usd), new StockLevel(10, 0, 0))));
    }

    [Test]
    public async Task Put_ExistingProduct_UpdatesIt_AndKeepsItsReservations()
    {
        await _service.PutAsync("sku-1", new ProductRequest("Widget", 9.99m, "USD", 10));
        await _catalog.ReserveAsync("ord_1", "sku-1", 4);

        var (product, created) = await _service.PutAsync("sku-1", new ProductRequest("Widget II", 12m, "EUR", 50));

        Assert.That(created, Is.False);
        Assert.That(product, Is.EqualTo(new Product("sku-1", "Widget II", new Money(12m, Currency.Eur), new StockLevel(50, 4, 0))));
    }

    [TestCase("JPY", "100")]
    [TestCase("JPY", "100.0")]
    [TestCase("USD", "0.01")]
    [TestCase("USD", "19.99")]
    [TestCase("USD", "19.990")]
    [TestCase("KWD", "1.999")]
    [TestCase("BHD", "0.001")]
    [TestCase("USD", "1000000")]
    public void Price_WithAtMostTheCurrencysMinorUnitDigits_IsAccepted(string currency, string price) =>
        Assert.DoesNotThrowAsync(() => _service.PutAsync("sku-1", new ProductRequest("Widget", Parse(price), currency, 1)));

    [TestCase("JPY", "100.5", "must have at most 0 decimal places for JPY")]
    [TestCase("USD", "19.999", "must have at most 2 decimal places for USD")]
    [TestCase("USD", "0.001", "must have at most 2 decimal places for USD")]
    [TestCase("KWD", "1.9995", "must have at most 3 decimal places for KWD")]
    [TestCase("USD", "0", "must be greater than 0 and at most 1000000")]
    [TestCase("USD", "-1", "must be greater than 0 and at most 1000000")]
    [TestCase("USD", "1000000.01", "must be greater than 0 and at most 1000000")]
    public async Task Price_OutOfBoundsOrFinerThanTheMinorUnit_IsRejectedOnUnitPrice(string currency, string price, string message)
    {
        var e = Assert.ThrowsAsync<ValidationException>(() => _service.PutAsync("sku-1", new ProductRequest("Widget", Parse(price), currency, 1)));

        Assert.That(e.Errors, Is.EqualTo(new Dictionary<string, string[]> { ["unitPrice"] = [message] }));
        Assert.That(await _catalog.GetAsync("sku-1"), Is.Null, "nothing of a rejected request is stored");
    }

    [TestCase("XYZ")]
    [TestCase("usd")]
    [TestCase("")]
    public void Currency_Unknown_IsRejected_ListingTheSupportedCodes(string currency)
    {
        var e = Assert.ThrowsAsync<ValidationException>(() => _service.PutAsync("sku-1", new ProductRequest("Widget", 1m, currency, 1)));

        Assert.That(e.Errors.Keys, Is.EquivalentTo(new[] { "currency" }));
        Assert.That(e.Errors["currency"].Single(), Does.Contain("USD").And.Contain("JPY"));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(CatalogService.MaxStock)]
    public void Stock_FromZeroToTheMaximum_IsAccepted(int stock) =>
        Assert.DoesNotThrowAsync(() => _service.PutAsync("sku-1", new ProductRequest("Widget", 1m, "USD", stock)));

    [TestCase(-1)]
    [TestCase(CatalogService.MaxStock + 1)]
    [TestCase(int.MinValue)]
    public void Stock_OutsideZeroToTheMaximum_IsRejected(int stock)
    {
        var e = Assert.ThrowsAsync<ValidationException>(() => _service.PutAsync("sku-1", new ProductRequest("Widget", 1m, "USD", stock)));

        Assert.That(e.Errors, Is.EqualTo(new Dictionary<string, string[]> { ["stock"] = ["must be between 0 and 1000000000"] }));
    }

    [Test]
    public void EveryFieldMissing_IsReportedTogether()
    {
        var e = Assert.ThrowsAsync<ValidationException>(() => _service.PutAsync("sku 1", new ProductRequest(null, null, null, null)));

        Assert.That(e.Errors.Keys, Is.EquivalentTo(new[] { "productId", "name", "currency", "unitPrice", "stock" }));
        Assert.That(e.Errors["currency"], Is.EqualTo(new[] { "is required" }));
    }

    [Test]
    public void Name_LongerThanTwoHundredCharacters_IsRejected()
    {
        var e = Assert.ThrowsAsync<ValidationException>(() => _service.PutAsync("sku-1", new ProductRequest(new string('n', 201), 1m, "USD", 1)));

        Assert.That(e.Errors.Keys, Is.EquivalentTo(new[] { "name" }));
    }

    [Test]
    public void Get_UnknownProduct_IsNotFound() =>
        Assert.ThrowsAsync<ProductNotFoundException>(() => _service.GetAsync("nope"));

    [Test]
    public async Task List_PagesThroughProductsById_WithCursors()
    {
        foreach (var id in new[] { "c", "a", "e", "b", "d" })
        {
            await _service.PutAsync(id, new ProductRequest(id, 1m, "USD", 1));
        }

        var first = await _service.ListAsync(2, null);
        var second = await _service.ListAsync(2, first.NextCursor);
        var last = await _service.ListAsync(2, second.NextCursor);

        Assert.That(first.Items.Select(p => p.ProductId), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(second.Items.Select(p => p.ProductId), Is.EqualTo(new[] { "c", "d" }));
        Assert.That(last.Items.Select(p => p.ProductId), Is.EqualTo(new[] { "e" }));
        Assert.That(last.NextCursor, Is.Null);
    }

    [Test]
    public void List_WithAnOrdersCursor_IsAValidationErrorOnCursor()
    {
        var foreign = CursorCodec.Default.Encode("all", new Dictionary<string, string> { ["id"] = "a" });

        var e = Assert.ThrowsAsync<ValidationException>(() => _service.ListAsync(2, foreign));

        Assert.That(e.Errors.Keys, Is.EquivalentTo(new[] { "cursor" }));
    }

    [TestCase(0)]
    [TestCase(101)]
    public void List_WithALimitOutsideOneToOneHundred_IsAValidationErrorOnLimit(int limit)
    {
        var e = Assert.ThrowsAsync<ValidationException>(() => _service.ListAsync(limit, null));

        Assert.That(e.Errors.Keys, Is.EquivalentTo(new[] { "limit" }));
    }

    private static decimal Parse(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
