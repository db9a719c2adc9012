using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pricing;

namespace OrderProcessing.Integration.Tests.Support;

/// <summary>Builds orders for storage tests: placed, then moved along the lifecycle to the wanted status, one minute per step.</summary>
public sealed class OrderBuilder
{
    private static readonly DateTimeOffset DefaultCreatedAt = new(2026, 1, 15, 9, 30, 0, 123, TimeSpan.Zero);
    private string _orderId = "ord-1";
    private string _customerId = "cust-1";
    private DateTimeOffset _createdAt = DefaultCreatedAt;
    private OrderStatus _status = OrderStatus.Pending;
    private List<OrderLine> _lines =
    [
        new OrderLine("sku-1", "Widget", 2, new Money(9.90m, Currency.Usd)),
        new OrderLine("sku-2", "Gadget \"deluxe\" — ünïcode", 1, new Money(1234.5m, Currency.Usd)),
    ];

    private Address _address = new("1 Main St", null, "Springfield", "IL", "12345", "US");

    /// <summary>Sets the order id.</summary>
    public OrderBuilder WithId(string orderId)
    {
        _orderId = orderId;
        return this;
    }

    /// <summary>Sets the customer.</summary>
    public OrderBuilder ForCustomer(string customerId)
    {
        _customerId = customerId;
        return this;
    }

    /// <summary>Sets the creation time.</summary>
    public OrderBuilder CreatedAt(DateTimeOffset createdAt)
    {
        _createdAt = createdAt;
        return this;
    }

    /// <summary>Sets the status the order is moved to.</summary>
    public OrderBuilder InStatus(OrderStatus status)
    {
        _status = status;
        return this;
    }

    /// <summary>Sets the lines.</summary>
    public OrderBuilder WithLines(params OrderLine[] lines)
    {
        _lines = [.. lines];
        return this;
    }

    /// <summary>Sets the shipping address.</summary>
    public OrderBuilder ShippedTo(Address address)
    {
        _address = address;
        return this;
    }

    /// <summary>The order.</summary>
    public Order Build()
    {
        var at = _createdAt;
        DateTimeOffset Next() => at = at.AddMinutes(1);
        var order = Order.Place(_orderId, new Customer(_customerId, $"{_customerId}@example.com", "Jane Doe"), _lines, _address, "tok_visa", _createdAt);
        switch (_status)
        {
            case OrderStatus.Pending:
                break;
            case OrderStatus.Reserved:
                order.MarkReserved(Next());
                break;
            case OrderStatus.OutOfStock:
                order.MarkOutOfStock("not enough stock of 'sku-1' for 2", Next());
                break;
            case OrderStatus.Paid:
                order.MarkReserved(Next());
                order.MarkPaid($"pay_{_orderId}", Next());
                break;
            case OrderStatus.PaymentFailed:
                order.MarkReserved(Next());
                order.MarkPaymentFailed("card declined", Next());
                break;
            case OrderStatus.Shipped:
                order.MarkReserved(Next());
                order.MarkPaid($"pay_{_orderId}", Next());
                order.MarkShipped($"TRK-{_orderId}", Next());
                break;
            case OrderStatus.Completed:
                order.MarkReserved(Next());
                order.MarkPaid($"pay_{_orderId}", Next());
                order.MarkShipped($"TRK-{_orderId}", Next());
                order.MarkCompleted($"invoices/{_orderId}.pdf", Next());
                break;
            case OrderStatus.Cancelled:
                order.Cancel("customer asked", Next());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(_status), _status, "unknown status");
        }

        return order;
    }
}
