namespace OrderProcessing.Functions.Api.Resources;

/// <summary>
/// An order as the API shows it (design section 3). Never carries the payment token or payment id. Amounts are JSON
/// numbers with exactly the currency's minor digits (<c>12.50</c> in USD, <c>1200</c> in JPY).
/// </summary>
public sealed record OrderResource(
    string OrderId,
    string CustomerId,
    string CustomerEmail,
    string CustomerName,
    string Status,
    IReadOnlyList<OrderItemResource> Items,
    string Currency,
    decimal Total,
    AddressResource ShippingAddress,
    string? TrackingNumber,
    bool InvoiceAvailable,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<HistoryEntryResource> History);
