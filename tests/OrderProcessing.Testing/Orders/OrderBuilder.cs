using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Testing.Time;

namespace OrderProcessing.Testing.Orders;

/// <summary>
/// Builds an <see cref="Order"/> in any status by walking the lifecycle with the aggregate's named methods, one minute
/// per transition, so an order "in PAID" has really been reserved and paid.
/// </summary>
public sealed class OrderBuilder
{
    public const string PaymentId = "pay_test";
    public const string TrackingNumber = "OPTEST0000000001";

    private readonly List<OrderLine> _lines = [];
    private string _orderId = "ord_test";
    private Customer _customer = new("c-42", "jane@example.com", "Jane Doe");
    private Address _address = new("1 Main St", "Apt 4", "Springfield", "IL", "12345", "US");
    private string _paymentToken = TestPaymentTokens.Visa;
    private DateTimeOffset _placedAt = TestClock.Start;
    private OrderStatus _status = OrderStatus.Pending;

    public static string InvoiceKeyFor(string orderId) => $"invoices/{orderId}.pdf";

    public OrderBuilder WithId(string orderId)
    {
        _orderId = orderId;
        return this;
    }

    public OrderBuilder WithCustomer(string customerId, string email = "jane@example.com", string name = "Jane Doe")
    {
        _customer = new Customer(customerId, email, name);
        return this;
    }

    public OrderBuilder WithLine(string productId, int quantity, decimal unitPrice, string currency = "USD")
    {
        _lines.Add(new OrderLine(productId, $"Product {productId}", quantity, new Money(unitPrice, Currency.From(currency))));
        return this;
    }

    public OrderBuilder WithPaymentToken(string token)
    {
        _paymentToken = token;
        return this;
    }

    public OrderBuilder PlacedAt(DateTimeOffset at)
    {
        _placedAt = at;
        return this;
    }

    public OrderBuilder InStatus(OrderStatus status)
    {
        _status = status;
        return this;
    }

    /// <summary>Adds the given lines as they are (names, prices and currency of the caller's choosing).</summary>
    public OrderBuilder WithLines(params OrderLine[] lines)
    {
        _lines.AddRange(lines);
        return this;
    }

    public OrderBuilder ShippedTo(Address address)
    {
        _address = address;
        return this;
    }

    public Order Build()
    {
        var lines = _lines.Count > 0 ? _lines : [new OrderLine("sku-1", "Widget", 2, new Money(9.99m, Currency.Usd))];
        var order = Order.Place(_orderId, _customer, lines, _address, _paymentToken, _placedAt);
        var at = _placedAt;
        foreach (var step in PathTo(_status))
        {
            at = at.AddMinutes(1);
            step(order, at);
        }

        return order;
    }

    private static IEnumerable<Action<Order, DateTimeOffset>> PathTo(OrderStatus status) => status switch
    {
        OrderStatus.Pending => [],
        OrderStatus.Reserved => [(o, t) => o.MarkReserved(t)],
        OrderStatus.OutOfStock => [(o, t) => o.MarkOutOfStock("not enough stock of 'sku-1' for 2", t)],
        OrderStatus.Paid => [.. PathTo(OrderStatus.Reserved), (o, t) => o.MarkPaid(PaymentId, t)],
        OrderStatus.PaymentFailed => [.. PathTo(OrderStatus.Reserved), (o, t) => o.MarkPaymentFailed("card declined", t)],
        OrderStatus.Shipped => [.. PathTo(OrderStatus.Paid), (o, t) => o.MarkShipped(TrackingNumber, t)],
        OrderStatus.Completed => [.. PathTo(OrderStatus.Shipped), (o, t) => o.MarkCompleted(InvoiceKeyFor(o.OrderId), t)],
        OrderStatus.Cancelled => [(o, t) => o.Cancel("cancelled on request", t)],
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
