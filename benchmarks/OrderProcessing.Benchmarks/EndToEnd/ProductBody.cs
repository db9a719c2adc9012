namespace OrderProcessing.Benchmarks.EndToEnd;

/// <summary>The body of <c>PUT /products/{productId}</c>.</summary>
public sealed record ProductBody(string Name, decimal UnitPrice, string Currency, int Stock);
