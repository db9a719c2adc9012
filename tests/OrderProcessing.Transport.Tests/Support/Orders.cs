using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Transport.ChangeFeed;

namespace OrderProcessing.Transport.Tests.Support;

/// <summary>Test data: orders and the changes a store would raise for them.</summary>
public static class Orders
{
    private static readonly DateTimeOffset Placed = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A new order of one line, in PENDING.</summary>
    public static Order Pending(string orderId = "o-1") => Order.Place(
        orderId,
        new Customer("c-1", "zoe@example.com", "Zoë Ångström"),
        [new OrderLine("sku-cafe", "Café de Colombia", 2, new Money(24.90m, Currency.Usd))],
        new Address("12 Rue de la Paix", null, "Springfield", "IL", "62701", "US"),
        "tok_visa",
        Placed);

    /// <summary>An order moved along the lifecycle to <paramref name="status"/> (any status, by an operator's moves).</summary>
    public static Order At(OrderStatus status, string orderId = "o-1")
    {
        var order = Pending(orderId);
        OrderStatus[] path = status switch
        {
            OrderStatus.Pending => [],
            OrderStatus.Reserved => [OrderStatus.Reserved],
            OrderStatus.OutOfStock => [OrderStatus.OutOfStock],
            OrderStatus.Paid => [OrderStatus.Reserved, OrderStatus.Paid],
            OrderStatus.PaymentFailed => [OrderStatus.Reserved, OrderStatus.PaymentFailed],
            OrderStatus.Shipped => [OrderStatus.Reserved, OrderStatus.Paid, OrderStatus.Shipped],
            OrderStatus.Completed => [OrderStatus.Reserved, OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Completed],
            OrderStatus.Cancelled => [OrderStatus.Cancelled],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var next in path)
        {
            order.MoveTo(next, "test", Placed.AddMinutes(1));
        }

        return order;
    }

    /// <summary>The change a store raises when it writes <paramref name="order"/>.</summary>
    public static OrderChange ChangeOf(Order order, long sequence = 1) => new(
        order.Version == 1 ? OrderChangeKind.Insert : OrderChangeKind.Modify,
        order.OrderId,
        null,
        order.ToSnapshot(),
        sequence,
        order.UpdatedAt);
}
