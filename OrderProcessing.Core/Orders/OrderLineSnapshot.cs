namespace OrderProcessing.Core.Orders;

/// <summary>The stored form of an order line; the line total is recomputed on load.</summary>
public sealed record OrderLineSnapshot(string ProductId, string Name, int Quantity, decimal UnitPrice);
