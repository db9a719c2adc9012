namespace OrderProcessing.Core.Orders;

/// <summary>One line of a <see cref="PlaceOrderCommand"/>: a product and a quantity of 1 to <see cref="PlaceOrderValidator.MaxQuantity"/>.</summary>
/// <param name="ProductId">The product's identifier; the catalog supplies its name and price.</param>
/// <param name="Quantity">How many.</param>
public sealed record PlaceOrderLine(string ProductId, int Quantity);
