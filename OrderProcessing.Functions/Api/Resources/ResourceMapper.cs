using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pricing;

namespace OrderProcessing.Functions.Api.Resources;

/// <summary>Turns Core's aggregates into the API's representation.</summary>
internal static class ResourceMapper
{
    public static OrderResource ToResource(Order order) => new(
        order.OrderId,
        order.Customer.CustomerId,
        order.Customer.Email,
        order.Customer.Name,
        order.Status.ToWire(),
        order.Lines.Select(l => new OrderItemResource(l.ProductId, l.Name, l.Quantity, Amount(l.UnitPrice), Amount(l.LineTotal))).ToList(),
        order.Currency.Code,
        Amount(order.Total),
        new AddressResource(order.ShippingAddress.Line1, order.ShippingAddress.Line2, order.ShippingAddress.City, order.ShippingAddress.Region, order.ShippingAddress.PostalCode, order.ShippingAddress.Country),
        order.TrackingNumber,
        order.InvoiceAvailable,
        order.CreatedAt.UtcDateTime,
        order.UpdatedAt.UtcDateTime,
        order.History.Select(h => new HistoryEntryResource(h.Status.ToWire(), h.At.UtcDateTime, h.Reason)).ToList());

    public static OrderExportResource ToExport(Order order) => new(
        order.OrderId,
        order.CreatedAt.UtcDateTime,
        order.Status.ToWire(),
        order.Currency.Code,
        Amount(order.Total),
        order.Lines.Select(l => new OrderExportItemResource(l.ProductId, l.Quantity)).ToList(),
        order.TrackingNumber);

    /// <summary>The order's total as the API writes it (<c>12.50</c> in USD), for the CSV export.</summary>
    public static decimal Total(Order order) => Amount(order.Total);

    public static ProductResource ToResource(Product product) => new(
        product.ProductId,
        product.Name,
        Amount(product.UnitPrice),
        product.UnitPrice.Currency.Code,
        product.Stock.Available,
        product.Stock.Reserved,
        product.Stock.Shipped);

    // Money is rounded to the minor unit but may carry fewer digits (12.5); adding a zero with the minor unit's scale
    // makes System.Text.Json write exactly the currency's digits (12.50), which clients of money APIs expect.
    private static decimal Amount(Money money) => money.Amount + new decimal(0, 0, 0, false, (byte)money.Currency.MinorUnits);
}
