using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Core.Tests.Support;
using OrderProcessing.Testing.Orders;
using OrderProcessing.Testing.Time;

namespace OrderProcessing.Core.Tests.Orders;

/// <summary>The aggregate's own guarantees besides the transition table: placement, the data each step records, snapshots.</summary>
public class OrderTests
{
    private static readonly DateTimeOffset Now = TestClock.Start;

    [Test]
    public void Place_StartsPending_AtVersionOne_WithOneHistoryEntry_AndTheCreatedEvent()
    {
        var order = new OrderBuilder().WithId("ord_1").PlacedAt(Now).Build();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Pending));
            Assert.That(order.Version, Is.EqualTo(1));
            Assert.That(order.CreatedAt, Is.EqualTo(Now));
            Assert.That(order.UpdatedAt, Is.EqualTo(Now));
            Assert.That(order.History, Is.EqualTo(new[] { new StatusChange(OrderStatus.Pending, Now, "order placed") }));
            Assert.That(order.LastEvent, Is.EqualTo(new OrderEvent("order_created", "ord_1", OrderStatus.Pending, null, 1, Now, "order placed")));
            Assert.That(order.PreviousStatus, Is.Null);
            Assert.That(order.PaymentId, Is.Null);
            Assert.That(order.TrackingNumber, Is.Null);
            Assert.That(order.InvoiceAvailable, Is.False);
        }
    }

    [Test]
    public void Place_WithoutLines_IsRejected() =>
        Assert.Throws<ArgumentException>(() => Order.Place("ord_1", new Customer("c", "a@b.co", "A"), [], Address(), "tok_visa", Now));

    [Test]
    public void Place_WithLinesInTwoCurrencies_ThrowsCurrencyMismatch()
    {
        OrderLine[] lines =
        [
            new("sku-1", "A", 1, new Money(1m, Currency.Usd)),
            new("sku-2", "B", 1, new Money(1m, Currency.Eur)),
        ];

        Assert.Throws<CurrencyMismatchException>(() => Order.Place("ord_1", new Customer("c", "a@b.co", "A"), lines, Address(), "tok_visa", Now));
    }

    [Test]
    public void Total_IsTheSumOfLineTotals_InTheLinesCurrency()
    {
        var order = new OrderBuilder().WithLine("a", 3, 19.99m).WithLine("b", 1, 0.01m).Build();

        Assert.That(order.Total, Is.EqualTo(new Money(59.98m, Currency.Usd)));
        Assert.That(order.Currency, Is.EqualTo(Currency.Usd));
    }

    [Test]
    public void Lines_CannotBeChangedFromOutside()
    {
        var order = new OrderBuilder().Build();

        Assert.Throws<NotSupportedException>(() => ((IList<OrderLine>)order.Lines).Add(order.Lines[0]));
    }

    [Test]
    public void MarkPaid_RecordsThePaymentId()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Reserved).Build();

        order.MarkPaid("pay_1", Now);

        Assert.That(order.PaymentId, Is.EqualTo("pay_1"));
    }

    [Test]
    public void MarkShipped_RecordsTheTrackingNumber_AndNamesItInTheHistory()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Paid).Build();

        order.MarkShipped("OP123", Now);

        Assert.That(order.TrackingNumber, Is.EqualTo("OP123"));
        Assert.That(order.History[^1].Reason, Does.Contain("OP123"));
    }

    [Test]
    public void MarkCompleted_RecordsTheInvoiceKey_AndMakesTheInvoiceAvailable()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Shipped).Build();

        order.MarkCompleted("invoices/x.pdf", Now);

        Assert.That(order.InvoiceKey, Is.EqualTo("invoices/x.pdf"));
        Assert.That(order.InvoiceAvailable, Is.True);
    }

    [Test]
    public void MarkPaid_FromPending_ThrowsAndRecordsNoPaymentId()
    {
        var order = new OrderBuilder().Build();

        Assert.Throws<InvalidTransitionException>(() => order.MarkPaid("pay_1", Now));
        Assert.That(order.PaymentId, Is.Null);
    }

    [Test]
    public void MarkShipped_FromReserved_ThrowsAndRecordsNoTrackingNumber()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Reserved).Build();

        Assert.Throws<InvalidTransitionException>(() => order.MarkShipped("OP1", Now));
        Assert.That(order.TrackingNumber, Is.Null);
    }

    [Test]
    public void MarkCompleted_FromPaid_ThrowsAndRecordsNoInvoice()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Paid).Build();

        Assert.Throws<InvalidTransitionException>(() => order.MarkCompleted("invoices/x.pdf", Now));
        Assert.That(order.InvoiceAvailable, Is.False);
    }

    [Test]
    public void Snapshot_RoundTrip_PreservesEverything()
    {
        var order = new OrderBuilder()
            .WithId("ord_rt")
            .WithCustomer("c-7", "sam@example.org", "Sam Roe")
            .WithLine("sku-1", 3, 12.345m)
            .WithLine("sku-2", 1, 0.5m)
            .InStatus(OrderStatus.Completed)
            .Build();

        var copy = Order.FromSnapshot(order.ToSnapshot());

        using (Assert.EnterMultipleScope())
        {
            Snapshots.AssertEqual(copy.ToSnapshot(), order.ToSnapshot());
            Assert.That(copy.OrderId, Is.EqualTo("ord_rt"));
            Assert.That(copy.Customer, Is.EqualTo(order.Customer));
            Assert.That(copy.Lines, Is.EqualTo(order.Lines));
            Assert.That(copy.Total, Is.EqualTo(order.Total));
            Assert.That(copy.Currency, Is.EqualTo(order.Currency));
            Assert.That(copy.ShippingAddress, Is.EqualTo(order.ShippingAddress));
            Assert.That(copy.PaymentToken, Is.EqualTo(order.PaymentToken));
            Assert.That(copy.Status, Is.EqualTo(OrderStatus.Completed));
            Assert.That(copy.Version, Is.EqualTo(order.Version));
            Assert.That(copy.PaymentId, Is.EqualTo(OrderBuilder.PaymentId));
            Assert.That(copy.TrackingNumber, Is.EqualTo(OrderBuilder.TrackingNumber));
            Assert.That(copy.InvoiceKey, Is.EqualTo(order.InvoiceKey));
            Assert.That(copy.CreatedAt, Is.EqualTo(order.CreatedAt));
            Assert.That(copy.UpdatedAt, Is.EqualTo(order.UpdatedAt));
            Assert.That(copy.History, Is.EqualTo(order.History));
            Assert.That(copy.LastEvent, Is.EqualTo(order.LastEvent));
            Assert.That(copy.PreviousStatus, Is.EqualTo(OrderStatus.Shipped));
        }
    }

    [Test]
    public void Snapshot_RoundTrip_KeepsTheOrderMovable()
    {
        var copy = Order.FromSnapshot(new OrderBuilder().InStatus(OrderStatus.Paid).Build().ToSnapshot());

        copy.MarkShipped("OP9", Now.AddDays(1));

        Assert.That(copy.Status, Is.EqualTo(OrderStatus.Shipped));
        Assert.That(copy.Version, Is.EqualTo(4));
    }

    [Test]
    public void FromSnapshot_RecomputesLineTotalsAndTotal_FromUnitPricesAndQuantities()
    {
        var snapshot = new OrderBuilder().WithLine("sku-1", 2, 10m).WithLine("sku-2", 1, 5m).Build().ToSnapshot();
        var edited = snapshot with { Lines = [snapshot.Lines[0] with { Quantity = 7 }, snapshot.Lines[1] with { UnitPrice = 0.125m }] };

        var order = Order.FromSnapshot(edited);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(order.Lines[0].LineTotal, Is.EqualTo(new Money(70m, Currency.Usd)));
            Assert.That(order.Lines[1].UnitPrice.Amount, Is.EqualTo(0.12m), "unit prices are held at the minor unit, half-even");
            Assert.That(order.Total, Is.EqualTo(new Money(70.12m, Currency.Usd)));
        }
    }

    [Test]
    public void ToSnapshot_IsACopy_LaterTransitionsDoNotChangeIt()
    {
        var order = new OrderBuilder().Build();
        var snapshot = order.ToSnapshot();

        order.MarkReserved(Now.AddMinutes(5));

        Assert.That(snapshot.History, Has.Count.EqualTo(1));
        Assert.That(snapshot.Status, Is.EqualTo(OrderStatus.Pending));
    }

    private static Address Address() => new("1 Main St", null, "Springfield", null, "12345", "US");
}
