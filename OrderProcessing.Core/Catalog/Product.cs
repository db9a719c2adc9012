using OrderProcessing.Core.Pricing;

namespace OrderProcessing.Core.Catalog;

/// <summary>A catalog entry with its price and stock.</summary>
public sealed record Product(string ProductId, string Name, Money UnitPrice, StockLevel Stock);
