namespace OrderProcessing.Core.Orders;

/// <summary>One requested line: a product and a quantity. Prices come from the catalog, never from the client.</summary>
public sealed record OrderLineRequest(string? ProductId, int? Quantity);
