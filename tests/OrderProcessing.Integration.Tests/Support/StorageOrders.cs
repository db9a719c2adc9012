using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Testing.Orders;

namespace OrderProcessing.Integration.Tests.Support;

/// <summary>
/// The shared <see cref="OrderBuilder"/> with what storage tests want by default: a customer <c>cust-1</c>, a creation
/// time with milliseconds, a line whose name has quotes and non-ASCII letters, and an address without a second line,
/// so every stored value and every optional attribute is exercised.
/// </summary>
public static class StorageOrders
{
    /// <summary>When the default order is placed.</summary>
    public static readonly DateTimeOffset CreatedAt = new(2026, 1, 15, 9, 30, 0, 123, TimeSpan.Zero);

    /// <summary>A builder with these defaults (id <c>ord-1</c>).</summary>
    public static OrderBuilder New() => new OrderBuilder()
        .WithId("ord-1")
        .WithCustomer("cust-1", "cust-1@example.com")
        .PlacedAt(CreatedAt)
        .WithLines(
            new OrderLine("sku-1", "Widget", 2, new Money(9.90m, Currency.Usd)),
            new OrderLine("sku-2", "Gadget \"deluxe\" — ünïcode", 1, new Money(1234.5m, Currency.Usd)))
        .ShippedTo(new Address("1 Main St", null, "Springfield", "IL", "12345", "US"));
}
