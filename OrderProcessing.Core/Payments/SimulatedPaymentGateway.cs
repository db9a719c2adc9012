using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Pricing;

namespace OrderProcessing.Core.Payments;

/// <summary>
/// A payment gateway that decides by test token (<see cref="TestPaymentTokens"/>), declines any amount above
/// <see cref="AmountLimit"/> and keeps its ledger behind <see cref="IPaymentLedger"/>, so it is idempotent per order
/// across processes.
/// </summary>
public sealed class SimulatedPaymentGateway(IPaymentLedger ledger, TimeProvider clock) : IPaymentGateway
{
    /// <summary>Amounts above this are declined, in any currency.</summary>
    public const decimal AmountLimit = 10_000.00m;

    /// <inheritdoc />
    public async Task<ChargeResult> ChargeAsync(string orderId, string paymentToken, Money amount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        var existing = await ledger.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return ToResult(existing);
        }

        var attempt = await ledger.CountAttemptAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (paymentToken == TestPaymentTokens.Flaky && attempt == 1)
        {
            throw new TransientFailureException($"Payment gateway timed out for order '{orderId}' (first attempt of {TestPaymentTokens.Flaky}).");
        }

        var (approved, reason) = Decide(paymentToken, amount);
        var record = new PaymentRecord(
            orderId,
            PaymentIdFor(orderId),
            amount,
            approved ? PaymentStatus.Captured : PaymentStatus.Declined,
            reason,
            clock.GetUtcNow(),
            null);
        var stored = await ledger.RecordAsync(record, cancellationToken).ConfigureAwait(false);
        return ToResult(stored);
    }

    /// <inheritdoc />
    public async Task<RefundResult> RefundAsync(string orderId, CancellationToken cancellationToken = default)
    {
        if (await ledger.MarkRefundedAsync(orderId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return RefundResult.Refunded;
        }

        var record = await ledger.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
        return record?.Status == PaymentStatus.Refunded ? RefundResult.AlreadyRefunded : RefundResult.NothingCaptured;
    }

    /// <summary>The decision for a token and amount, independent of history.</summary>
    public static (bool Approved, string Reason) Decide(string paymentToken, Money amount)
    {
        if (amount.Amount > AmountLimit)
        {
            // The reason is stored with the payment and shown to the customer: the same text whatever the host's culture.
            return (false, string.Create(CultureInfo.InvariantCulture, $"amount {amount} exceeds the limit of {AmountLimit:0.00}"));
        }

        return paymentToken switch
        {
            TestPaymentTokens.Visa or TestPaymentTokens.Mastercard or TestPaymentTokens.Flaky => (true, "approved"),
            TestPaymentTokens.Declined => (false, "card declined"),
            TestPaymentTokens.InsufficientFunds => (false, "insufficient funds"),
            _ => (false, "unknown payment token"),
        };
    }

    private static ChargeResult ToResult(PaymentRecord record) =>
        new(record.Status != PaymentStatus.Declined, record.PaymentId, record.Reason);

    private static string PaymentIdFor(string orderId) =>
        "pay_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(orderId)).AsSpan(0, 10));
}
