namespace OrderProcessing.Reliability.BadInput;

/// <summary>The products the bad-input run stocks, so well-formed bodies can name real products.</summary>
internal static class BadInputCatalog
{
    /// <summary>Product ids (plenty of stock, EUR prices).</summary>
    public static IReadOnlyList<string> ProductIds { get; } = ["sku-1", "sku-2", "sku-3"];
}
