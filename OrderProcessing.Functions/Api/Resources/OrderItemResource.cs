namespace OrderProcessing.Functions.Api.Resources;

/// <summary>One line of an order: the product's name and unit price at order time, the quantity and the line total.</summary>
public sealed record OrderItemResource(string ProductId, string Name, int Quantity, decimal UnitPrice, decimal LineTotal);
