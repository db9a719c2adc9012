using OrderProcessing.Core.InMemory;
using OrderProcessing.Core.Notifications;
using OrderProcessing.Core.Orders;
using OrderProcessing.Testing.Orders;
using OrderProcessing.Testing.Time;

namespace OrderProcessing.Core.Tests.Notifications;

/// <summary>Which e-mail an event sends, judged on the order as stored now, and the ledger that sends it once.</summary>
public sealed class CustomerMailPolicyTests
{
    private static readonly DateTimeOffset Now = TestClock.Start;

    // (status the event says the order entered, status the order is in now, expected outcome)
    private static readonly object[] Cases =
    [
        new object[] { OrderStatus.Pending, OrderStatus.Pending, CustomerMailOutcome.Send },
        new object[] { OrderStatus.Pending, OrderStatus.Completed, CustomerMailOutcome.Send },
        new object[] { OrderStatus.Pending, OrderStatus.Cancelled, CustomerMailOutcome.Send },
        new object[] { OrderStatus.Pending, OrderStatus.OutOfStock, CustomerMailOutcome.Send },
        new object[] { OrderStatus.Shipped, OrderStatus.Shipped, CustomerMailOutcome.Send },
        new object[] { OrderStatus.Shipped, OrderStatus.Completed, CustomerMailOutcome.Send },
        new object[] { OrderStatus.Shipped, OrderStatus.Cancelled, CustomerMailOutcome.Skip },
        new object[] { OrderStatus.Completed, OrderStatus.Completed, CustomerMailOutcome.Send },
        new object[] { OrderStatus.Cancelled, OrderStatus.Cancelled, CustomerMailOutcome.Send },
        new object[] { OrderStatus.Cancelled, OrderStatus.Completed, CustomerMailOutcome.Skip },
        new object[] { OrderStatus.OutOfStock, OrderStatus.OutOfStock, CustomerMailOutcome.Send },
        new object[] { OrderStatus.PaymentFailed, OrderStatus.PaymentFailed, CustomerMailOutcome.Send },
        new object[] { OrderStatus.Reserved, OrderStatus.Reserved, CustomerMailOutcome.Skip },
        new object[] { OrderStatus.Paid, OrderStatus.Shipped, CustomerMailOutcome.Skip },
    ];

    [TestCaseSource(nameof(Cases))]
    public void Decide_EventAgainstStoredOrder_SendsOnlyWhatIsStillTrue(OrderStatus entered, OrderStatus current, CustomerMailOutcome expected)
    {
        var order = new OrderBuilder().InStatus(current).Build();
        var version = order.History.Any(h => h.Status == entered) ? order.History.ToList().FindIndex(h => h.Status == entered) + 1 : 1;

        var decision = CustomerMailPolicy.Decide(order, entered, version);

        Assert.That(decision.Outcome, Is.EqualTo(expected), decision.Detail);
    }

    [Test]
    public void Decide_EventNewerThanStoredOrder_IsNotYetVisible()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Paid).Build();

        var decision = CustomerMailPolicy.Decide(order, OrderStatus.Shipped, order.Version + 1);

        Assert.That(decision.Outcome, Is.EqualTo(CustomerMailOutcome.NotYetVisible));
    }

    [Test]
    public void Decide_ShippedEventForAnOrderGivenUpSince_IsStale()
    {
        // Not reachable through the lifecycle today; the guard keeps a shipping notice from ever following a cancellation.
        var order = new OrderBuilder().InStatus(OrderStatus.Shipped).Build();
        var cancelled = Order.FromSnapshot(order.ToSnapshot() with { Status = OrderStatus.Cancelled });

        Assert.That(CustomerMailPolicy.Decide(cancelled, OrderStatus.Shipped, 4).Outcome, Is.EqualTo(CustomerMailOutcome.Skip));
    }

    [Test]
    public void Decide_DeletedOrder_SendsNothing()
    {
        Assert.That(CustomerMailPolicy.Decide(null, OrderStatus.Completed, 6).Outcome, Is.EqualTo(CustomerMailOutcome.Skip));
    }

    [Test]
    public void Statuses_AreTheSixCustomerFacingOnes()
    {
        Assert.That(CustomerMails.Statuses, Is.EqualTo(new[] { OrderStatus.Pending, OrderStatus.OutOfStock, OrderStatus.PaymentFailed, OrderStatus.Shipped, OrderStatus.Completed, OrderStatus.Cancelled }));
    }

    [Test]
    public async Task Ledger_SecondClaimAfterSent_IsAlreadySent()
    {
        var ledger = new InMemoryCustomerMailLedger(TestClock.New());
        Assert.That(await ledger.TryClaimAsync("o1", CustomerMailKind.Shipped, "a", Now.AddMinutes(1)), Is.EqualTo(MailClaimResult.Claimed));
        Assert.That(await ledger.TryClaimAsync("o1", CustomerMailKind.Shipped, "b", Now.AddMinutes(1)), Is.EqualTo(MailClaimResult.HeldByAnother));
        await ledger.MarkSentAsync("o1", CustomerMailKind.Shipped, "a", "<m1>");

        Assert.That(await ledger.TryClaimAsync("o1", CustomerMailKind.Shipped, "c", Now.AddMinutes(1)), Is.EqualTo(MailClaimResult.AlreadySent));
    }

    [Test]
    public async Task Ledger_ExpiredOrReleasedClaim_IsTakenOver()
    {
        var clock = TestClock.New();
        var ledger = new InMemoryCustomerMailLedger(clock);
        await ledger.TryClaimAsync("o1", CustomerMailKind.Completed, "a", Now.AddMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.That(await ledger.TryClaimAsync("o1", CustomerMailKind.Completed, "b", Now.AddMinutes(3)), Is.EqualTo(MailClaimResult.Claimed));

        // The crashed first sender's late release must not free the claim the second now holds.
        await ledger.ReleaseAsync("o1", CustomerMailKind.Completed, "a");
        Assert.That(await ledger.TryClaimAsync("o1", CustomerMailKind.Completed, "c", Now.AddMinutes(3)), Is.EqualTo(MailClaimResult.HeldByAnother));
        await ledger.ReleaseAsync("o1", CustomerMailKind.Completed, "b");
        Assert.That(await ledger.TryClaimAsync("o1", CustomerMailKind.Completed, "c", Now.AddMinutes(3)), Is.EqualTo(MailClaimResult.Claimed));
    }
}
