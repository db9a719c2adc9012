using System.Collections.Concurrent;
using OrderProcessing.Core.Payments;

namespace OrderProcessing.Reliability.Payments;

/// <summary>
/// Counts, per order, the captures the ledger accepted: a <see cref="IPaymentLedger.RecordAsync"/> that stored the
/// record it was given (not an earlier one) with status captured, and the refunds that changed a record. With a clock
/// that never repeats, two accepted captures for one order can only mean the card was charged twice.
/// </summary>
internal sealed class CaptureCountingLedger(IPaymentLedger inner) : IPaymentLedger
{
    private readonly ConcurrentDictionary<string, int> _captures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _refunds = new(StringComparer.Ordinal);

    /// <summary>Accepted captures per order.</summary>
    public IReadOnlyDictionary<string, int> Captures => _captures;

    /// <summary>Refunds that changed a record, per order.</summary>
    public IReadOnlyDictionary<string, int> Refunds => _refunds;

    public Task<PaymentRecord?> GetAsync(string orderId, CancellationToken cancellationToken = default) => inner.GetAsync(orderId, cancellationToken);

    public Task<int> CountAttemptAsync(string orderId, CancellationToken cancellationToken = default) => inner.CountAttemptAsync(orderId, cancellationToken);

    public async Task<PaymentRecord> RecordAsync(PaymentRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var stored = await inner.RecordAsync(record, cancellationToken).ConfigureAwait(false);
        if (record.Status == PaymentStatus.Captured && stored.At == record.At && stored.Status == record.Status)
        {
            _captures.AddOrUpdate(record.OrderId, 1, (_, n) => n + 1);
        }

        return stored;
    }

    public async Task<bool> MarkRefundedAsync(string orderId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var changed = await inner.MarkRefundedAsync(orderId, at, cancellationToken).ConfigureAwait(false);
        if (changed)
        {
            _refunds.AddOrUpdate(orderId, 1, (_, n) => n + 1);
        }

        return changed;
    }
}
