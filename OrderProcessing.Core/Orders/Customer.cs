namespace OrderProcessing.Core.Orders;

/// <summary>Who placed an order.</summary>
public sealed record Customer(string CustomerId, string Email, string Name);
