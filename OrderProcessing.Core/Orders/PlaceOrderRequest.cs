namespace OrderProcessing.Core.Orders;

/// <summary>The body of <c>POST /orders</c> as received; every field may be missing and is checked by <see cref="PlaceOrderValidator"/>.</summary>
public sealed record PlaceOrderRequest(
    string? CustomerId,
    string? CustomerEmail,
    string? CustomerName,
    IReadOnlyList<OrderLineRequest?>? Items,
    string? PaymentToken,
    AddressRequest? ShippingAddress);
