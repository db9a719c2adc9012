using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pricing;

namespace OrderProcessing.Core.Invoices;

/// <summary>The content of an order's invoice, independent of its rendering.</summary>
public sealed record Invoice(
    string InvoiceNumber,
    string OrderId,
    DateTimeOffset IssuedAt,
    string SellerName,
    string CustomerName,
    string CustomerEmail,
    Address ShippingAddress,
    IReadOnlyList<OrderLine> Lines,
    Money Total,
    string? TrackingNumber)
{
    /// <summary>The seller named on invoices unless configured otherwise.</summary>
    public const string DefaultSeller = "OrderProcessing Demo Store";

    /// <summary>
    /// The invoice of a shipped order. Its date is the shipment's, so rendering it again after a redelivery gives the
    /// same document.
    /// </summary>
    public static Invoice For(Order order, string sellerName = DefaultSeller)
    {
        ArgumentNullException.ThrowIfNull(order);
        var issued = order.History.LastOrDefault(h => h.Status == OrderStatus.Shipped)?.At ?? order.UpdatedAt;
        return new Invoice(
            "INV-" + order.OrderId,
            order.OrderId,
            issued,
            sellerName,
            order.Customer.Name,
            order.Customer.Email,
            order.ShippingAddress,
            order.Lines,
            order.Total,
            order.TrackingNumber);
    }
}
