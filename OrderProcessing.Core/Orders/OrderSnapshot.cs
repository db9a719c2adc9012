using OrderProcessing.Core.Pricing;

namespace OrderProcessing.Core.Orders;

/// <summary>
/// The stored form of an order: plain data that storage adapters map to and from their format.
/// <see cref="Order.FromSnapshot"/> checks it and recomputes every total.
/// </summary>
/// <param name="OrderId">Identifier.</param>
/// <param name="CustomerId">Customer identifier.</param>
/// <param name="CustomerEmail">Customer email address.</param>
/// <param name="CustomerName">Customer name.</param>
/// <param name="Status">Current status.</param>
/// <param name="Version">Optimistic version, 1 on creation, +1 per transition.</param>
/// <param name="Currency">Currency of every line.</param>
/// <param name="Lines">The lines (product, name, quantity, unit price).</param>
/// <param name="ShippingAddress">Where to ship.</param>
/// <param name="PaymentToken">The payment method token given at order time.</param>
/// <param name="PaymentId">Gateway payment id once captured.</param>
/// <param name="TrackingNumber">Carrier tracking number once shipped.</param>
/// <param name="InvoiceKey">Storage key of the invoice PDF once rendered.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="UpdatedAt">Time of the last transition.</param>
/// <param name="History">Every status entered, oldest first.</param>
/// <param name="LastEvent">The event of the last transition.</param>
public sealed record OrderSnapshot(
    string OrderId,
    string CustomerId,
    string CustomerEmail,
    string CustomerName,
    OrderStatus Status,
    long Version,
    Currency Currency,
    IReadOnlyList<OrderLineSnapshot> Lines,
    Address ShippingAddress,
    string PaymentToken,
    string? PaymentId,
    string? TrackingNumber,
    string? InvoiceKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<StatusChange> History,
    OrderEvent LastEvent);
