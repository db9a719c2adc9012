namespace OrderProcessing.Core.Orders;

/// <summary>The order a <c>POST /orders</c> produced, and whether it is the replay of an earlier request with the same key.</summary>
public sealed record PlaceOrderResult(Order Order, bool Replayed);
