using Microsoft.Extensions.Time.Testing;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.InMemory;
using OrderProcessing.Core.Payments;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Core.Tests.Support;
using OrderProcessing.Testing.Time;

namespace OrderProcessing.Core.Tests.Payments;

/// <summary>The simulated gateway's test tokens, its amount limit, and idempotency per order.</summary>
public class SimulatedPaymentGatewayTests
{
    private static readonly Money TenDollars = new(10m, Currency.Usd);

    private FakeTimeProvider _clock = null!;
    private InMemoryPaymentLedger _ledger = null!;
    private SimulatedPaymentGateway _gateway = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = TestClock.New();
        _ledger = new InMemoryPaymentLedger();
        _gateway = new SimulatedPaymentGateway(_ledger, _clock);
    }

    [TestCase("tok_visa")]
    [TestCase("tok_mastercard")]
    public async Task ApprovingTokens_Capture(string token)
    {
        var result = await _gateway.ChargeAsync("ord_1", token, TenDollars);

        Assert.That(result.Approved, Is.True);
        Assert.That(result.PaymentId, Does.StartWith("pay_"));
        Assert.That(_ledger.Records.Single(), Is.EqualTo(new PaymentRecord("ord_1", result.PaymentId, TenDollars, PaymentStatus.Captured, "approved", _clock.GetUtcNow(), null)));
    }

    [TestCase("tok_declined", "card declined")]
    [TestCase("tok_insufficient_funds", "insufficient funds")]
    [TestCase("tok_unknown", "unknown payment token")]
    [TestCase("", "unknown payment token")]
    [TestCase("TOK_VISA", "unknown payment token")]
    public async Task DecliningAndUnknownTokens_Decline_WithAReason(string token, string reason)
    {
        var result = await _gateway.ChargeAsync("ord_1", token, TenDollars);

        Assert.That(result.Approved, Is.False);
        Assert.That(result.Reason, Is.EqualTo(reason));
        Assert.That(_ledger.Records.Single().Status, Is.EqualTo(PaymentStatus.Declined));
    }

    [Test]
    public async Task FlakyToken_FailsTransientlyOnTheFirstAttempt_ThenApproves()
    {
        Assert.ThrowsAsync<TransientFailureException>(() => _gateway.ChargeAsync("ord_1", TestPaymentTokens.Flaky, TenDollars));
        Assert.That(_ledger.Records, Is.Empty, "a failed attempt captures nothing");

        var result = await _gateway.ChargeAsync("ord_1", TestPaymentTokens.Flaky, TenDollars);

        Assert.That(result.Approved, Is.True);
        Assert.That(_ledger.Records.Single().Status, Is.EqualTo(PaymentStatus.Captured));
    }

    [Test]
    public async Task FlakyToken_FailsOnTheFirstAttemptOfEveryOrder()
    {
        Assert.ThrowsAsync<TransientFailureException>(() => _gateway.ChargeAsync("ord_1", TestPaymentTokens.Flaky, TenDollars));
        await _gateway.ChargeAsync("ord_1", TestPaymentTokens.Flaky, TenDollars);

        Assert.ThrowsAsync<TransientFailureException>(() => _gateway.ChargeAsync("ord_2", TestPaymentTokens.Flaky, TenDollars));
    }

    [TestCase("USD", "10000.00", true)]
    [TestCase("USD", "9999.99", true)]
    [TestCase("USD", "10000.01", false)]
    [TestCase("JPY", "10000", true)]
    [TestCase("JPY", "10001", false)]
    [TestCase("KWD", "10000.001", false)]
    public async Task AmountsAboveTenThousand_AreDeclined_TenThousandExactlyIsNot(string currency, string amount, bool approved)
    {
        var money = new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Currency.From(currency));

        var result = await _gateway.ChargeAsync("ord_1", TestPaymentTokens.Visa, money);

        Assert.That(result.Approved, Is.EqualTo(approved), result.Reason);
        if (!approved)
        {
            Assert.That(result.Reason, Does.Contain("exceeds the limit"));
        }
    }

    [Test]
    public void DeclineReason_OnAHostWithGermanNumbers_StatesAmountAndLimitWithADecimalPoint()
    {
        using var culture = CultureScope.GermanNumbers();
        Assert.That(10000m.ToString("0.00", System.Globalization.CultureInfo.CurrentCulture), Is.EqualTo("10000,00"), "the host culture really writes a decimal comma");

        var (approved, reason) = SimulatedPaymentGateway.Decide(TestPaymentTokens.Visa, new Money(10000.01m, Currency.Usd));

        Assert.That(approved, Is.False);
        Assert.That(reason, Is.EqualTo("amount 10000.01 USD exceeds the limit of 10000.00"));
    }

    [Test]
    public async Task RepeatedCharge_ForTheSameOrder_ReturnsTheSamePayment_AndTheLedgerHoldsOneCapture()
    {
        var first = await _gateway.ChargeAsync("ord_1", TestPaymentTokens.Visa, TenDollars);
        _clock.Advance(TimeSpan.FromMinutes(1));

        var second = await _gateway.ChargeAsync("ord_1", TestPaymentTokens.Visa, TenDollars);
        var third = await _gateway.ChargeAsync("ord_1", TestPaymentTokens.Declined, new Money(99m, Currency.Usd));

        Assert.That(second, Is.EqualTo(first));
        Assert.That(third, Is.EqualTo(first), "the first outcome stands, whatever a redelivery carries");
        Assert.That(_ledger.Records, Has.Count.EqualTo(1));
        Assert.That(_ledger.Records.Single().Amount, Is.EqualTo(TenDollars));
    }

    [Test]
    public async Task RepeatedCharge_AfterADecline_StaysDeclined()
    {
        await _gateway.ChargeAsync("ord_1", TestPaymentTokens.Declined, TenDollars);

        var again = await _gateway.ChargeAsync("ord_1", TestPaymentTokens.Visa, TenDollars);

        Assert.That(again.Approved, Is.False);
    }

    [Test]
    public async Task ParallelCharges_ForTheSameOrder_CaptureOnce()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => _gateway.ChargeAsync("ord_1", TestPaymentTokens.Visa, TenDollars))));

        Assert.That(results.Select(r => r.PaymentId).Distinct().Count(), Is.EqualTo(1));
        Assert.That(_ledger.Records, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task DifferentOrders_GetDifferentPaymentIds()
    {
        var a = await _gateway.ChargeAsync("ord_1", TestPaymentTokens.Visa, TenDollars);
        var b = await _gateway.ChargeAsync("ord_2", TestPaymentTokens.Visa, TenDollars);

        Assert.That(a.PaymentId, Is.Not.EqualTo(b.PaymentId));
    }

    [Test]
    public async Task Refund_OfACapture_RefundsOnce_ThenIsAlreadyRefunded()
    {
        await _gateway.ChargeAsync("ord_1", TestPaymentTokens.Visa, TenDollars);
        _clock.Advance(TimeSpan.FromHours(1));
        var refundedAt = _clock.GetUtcNow();

        Assert.That(await _gateway.RefundAsync("ord_1"), Is.EqualTo(RefundResult.Refunded));
        Assert.That(await _gateway.RefundAsync("ord_1"), Is.EqualTo(RefundResult.AlreadyRefunded));
        var record = _ledger.Records.Single();
        Assert.That(record.Status, Is.EqualTo(PaymentStatus.Refunded));
        Assert.That(record.RefundedAt, Is.EqualTo(refundedAt));
    }

    [Test]
    public async Task Refund_WithNothingCaptured_IsNothingCaptured()
    {
        Assert.That(await _gateway.RefundAsync("ord_1"), Is.EqualTo(RefundResult.NothingCaptured));

        await _gateway.ChargeAsync("ord_2", TestPaymentTokens.Declined, TenDollars);
        Assert.That(await _gateway.RefundAsync("ord_2"), Is.EqualTo(RefundResult.NothingCaptured));
        Assert.That(_ledger.Records.Single().Status, Is.EqualTo(PaymentStatus.Declined));
    }

    [Test]
    public async Task ParallelRefunds_RefundOnce()
    {
        await _gateway.ChargeAsync("ord_1", TestPaymentTokens.Visa, TenDollars);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => _gateway.RefundAsync("ord_1"))));

        Assert.That(results.Count(r => r == RefundResult.Refunded), Is.EqualTo(1));
        Assert.That(results.Count(r => r == RefundResult.AlreadyRefunded), Is.EqualTo(19));
    }
}
