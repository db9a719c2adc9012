namespace OrderProcessing.Functions.Api.Resources;

/// <summary>
/// A catalog product. <c>stock</c> is the available stock, the number <c>PUT</c> sets; <c>reserved</c> and <c>shipped</c>
/// count units held by orders.
/// </summary>
public sealed record ProductResource(string ProductId, string Name, decimal UnitPrice, string Currency, int Stock, int Reserved, int Shipped);
