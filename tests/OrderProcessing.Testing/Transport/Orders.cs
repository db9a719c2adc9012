using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Transport.ChangeFeed;

namespace OrderProcessing.Testing.Transport;

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

    /// <summary>
    /// An order walked along the lifecycle to <paramref name="status"/> by the aggregate's named methods, every step a
    /// minute after placing, so an order "in PAID" has a payment id as a stored one would.
    /// </summary>
    public static Order At(OrderStatus status, string orderId = "o-1")
    {
        var order = Pending(orderId);
        foreach (var step in PathTo(status))
        {
            step(order, Placed.AddMinutes(1));
        }

        return order;
    }

    private static IEnumerable<Action<Order, DateTimeOffset>> PathTo(OrderStatus status) => status switch
    {
        OrderStatus.Pending => [],
        OrderStatus.Reserved => [(o, t) => o.MarkReserved(t)],
        OrderStatus.OutOfStock => [(o, t) => o.MarkOutOfStock("not enough stock of 'sku-cafe' for 2", t)],
        OrderStatus.Paid => [.. PathTo(OrderStatus.Reserved), (o, t) => o.MarkPaid("pay_test", t)],
        OrderStatus.PaymentFailed => [.. PathTo(OrderStatus.Reserved), (o, t) => o.MarkPaymentFailed("card declined", t)],
        OrderStatus.Shipped => [.. PathTo(OrderStatus.Paid), (o, t) => o.MarkShipped("OPTEST0000000001", t)],
        OrderStatus.Completed => [.. PathTo(OrderStatus.Shipped), (o, t) => o.MarkCompleted($"invoices/{o.OrderId}.pdf", t)],
        OrderStatus.Cancelled => [(o, t) => o.Cancel("cancelled on request", t)],
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The change a store raises when it writes <paramref name="order"/>.</summary>
    public static OrderChange ChangeOf(Order order, long sequence = 1) => new(
        order.Version == 1 ? OrderChangeKind.Insert : OrderChangeKind.Modify,
        order.OrderId,
        null,
        order.ToSnapshot(),
        sequence,
        order.UpdatedAt);
}
