namespace OrderProcessing.Reliability.Chaos;

/// <summary>A product the run stocks before placing orders: plentiful, scarce (so orders go out of stock) or luxury (so totals pass the gateway limit).</summary>
internal sealed record CatalogItem(string ProductId, string Name, decimal UnitPrice, int Stock, bool Scarce, bool Luxury);
