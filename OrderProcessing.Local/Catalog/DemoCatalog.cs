using OrderProcessing.Core.Catalog;

namespace OrderProcessing.Local.Catalog;

/// <summary>
/// The products the local host puts at start, so the page has something to sell. Names carry accented Latin letters on
/// purpose: they travel through JSON, storage, notifications and the invoice PDF. The piñata's stock is small so an
/// out-of-stock order is one click away.
/// </summary>
public static class DemoCatalog
{
    /// <summary>Product id to the product as <c>PUT /products/{productId}</c> takes it.</summary>
    public static IReadOnlyList<KeyValuePair<string, ProductRequest>> Products { get; } =
    [
        new("sku-cafe", new ProductRequest("Café de Colombia, whole beans 1 kg", 24.90m, "USD", 500)),
        new("sku-creme", new ProductRequest("Crème brûlée torch", 39.00m, "USD", 120)),
        new("sku-jalapeno", new ProductRequest("Jalapeño hot sauce trio", 12.50m, "USD", 800)),
        new("sku-smorgas", new ProductRequest("Smörgåsbord serving board", 58.00m, "USD", 60)),
        new("sku-pate", new ProductRequest("Pâté de campagne, 6 tins", 31.75m, "USD", 250)),
        new("sku-muesli", new ProductRequest("Bircher müesli, organic 750 g", 6.40m, "USD", 1000)),
        new("sku-pinata", new ProductRequest("Piñata «Llama», hand-made", 29.99m, "USD", 3)),
    ];
}
