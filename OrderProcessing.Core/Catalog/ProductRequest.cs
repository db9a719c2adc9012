namespace OrderProcessing.Core.Catalog;

/// <summary>The body of <c>PUT /products/{productId}</c>, as received (fields may be missing).</summary>
public sealed record ProductRequest(string? Name, decimal? UnitPrice, string? Currency, int? Stock);
