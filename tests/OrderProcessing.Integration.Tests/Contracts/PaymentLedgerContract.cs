using OrderProcessing.Core.Payments;
using OrderProcessing.Core.Pricing;

namespace OrderProcessing.Integration.Tests.Contracts;

/// <summary>What every <see cref="IPaymentLedger"/> must do: count attempts, keep the first outcome per order, refund a capture once.</summary>
public abstract class PaymentLedgerContract
{
    private static readonly DateTimeOffset At = new(2026, 1, 15, 10, 0, 0, 456, TimeSpan.Zero);

    /// <summary>A fresh, empty ledger.</summary>
    protected abstract Task<IPaymentLedger> CreateLedgerAsync();

    private static PaymentRecord Captured(string orderId = "o-1", string paymentId = "pay_1") =>
        new(orderId, paymentId, new Money(1234.56m, Currency.Usd), PaymentStatus.Captured, "approved", At, null);

    [Test]
    public async Task Get_NoAttemptCompleted_ReturnsNull()
    {
        var ledger = await CreateLedgerAsync();
        await ledger.CountAttemptAsync("o-1");

        Assert.That(await ledger.GetAsync("o-1"), Is.Null);
        Assert.That(await ledger.GetAsync("o-2"), Is.Null);
    }

    [Test]
    public async Task CountAttempt_CountsPerOrderFromOne()
    {
        var ledger = await CreateLedgerAsync();

        Assert.That(await ledger.CountAttemptAsync("o-1"), Is.EqualTo(1));
        Assert.That(await ledger.CountAttemptAsync("o-1"), Is.EqualTo(2));
        Assert.That(await ledger.CountAttemptAsync("o-2"), Is.EqualTo(1));
        Assert.That(await ledger.CountAttemptAsync("o-1"), Is.EqualTo(3));
    }

    [Test]
    public async Task CountAttempt_Concurrent_GivesEveryCountOnce()
    {
        var ledger = await CreateLedgerAsync();

        var counts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => ledger.CountAttemptAsync("o-1"))));

        Assert.That(counts.Order(), Is.EqualTo(Enumerable.Range(1, 20)));
    }

    [Test]
    public async Task Record_First_IsStoredAndReturned()
    {
        var ledger = await CreateLedgerAsync();
        await ledger.CountAttemptAsync("o-1");

        var stored = await ledger.RecordAsync(Captured());

        Assert.That(stored, Is.EqualTo(Captured()));
        Assert.That(await ledger.GetAsync("o-1"), Is.EqualTo(Captured()));
        Assert.That(await ledger.CountAttemptAsync("o-1"), Is.EqualTo(2), "recording keeps the attempt count");
    }

    [Test]
    public async Task Record_Second_ReturnsTheFirstAndChangesNothing()
    {
        var ledger = await CreateLedgerAsync();
        await ledger.RecordAsync(Captured());
        var declined = new PaymentRecord("o-1", "pay_2", new Money(1m, Currency.Eur), PaymentStatus.Declined, "card declined", At.AddMinutes(1), null);

        var stored = await ledger.RecordAsync(declined);

        Assert.That(stored, Is.EqualTo(Captured()));
        Assert.That(await ledger.GetAsync("o-1"), Is.EqualTo(Captured()));
    }

    [Test]
    public async Task Record_ConcurrentOutcomesForOneOrder_OneWinsForEveryone()
    {
        var ledger = await CreateLedgerAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => ledger.RecordAsync(Captured(paymentId: $"pay_{i}")))));

        Assert.That(results.Select(r => r.PaymentId).Distinct(), Has.Exactly(1).Items);
        Assert.That(await ledger.GetAsync("o-1"), Is.EqualTo(results[0]));
    }

    [Test]
    public async Task MarkRefunded_Captured_RefundsOnce()
    {
        var ledger = await CreateLedgerAsync();
        await ledger.RecordAsync(Captured());

        Assert.That(await ledger.MarkRefundedAsync("o-1", At.AddHours(1)), Is.True);
        Assert.That(await ledger.MarkRefundedAsync("o-1", At.AddHours(2)), Is.False);
        Assert.That(await ledger.GetAsync("o-1"), Is.EqualTo(Captured() with { Status = PaymentStatus.Refunded, RefundedAt = At.AddHours(1) }));
    }

    [Test]
    public async Task MarkRefunded_DeclinedOrUnknown_ChangesNothing()
    {
        var ledger = await CreateLedgerAsync();
        var declined = Captured() with { Status = PaymentStatus.Declined, Reason = "card declined" };
        await ledger.RecordAsync(declined);

        Assert.That(await ledger.MarkRefundedAsync("o-1", At), Is.False);
        Assert.That(await ledger.MarkRefundedAsync("o-2", At), Is.False);
        Assert.That(await ledger.GetAsync("o-1"), Is.EqualTo(declined));
        Assert.That(await ledger.GetAsync("o-2"), Is.Null);
    }
}
