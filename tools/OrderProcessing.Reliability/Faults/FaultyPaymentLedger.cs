using OrderProcessing.Core.Payments;

namespace OrderProcessing.Reliability.Faults;

/// <summary>Injects faults around every call of an <see cref="IPaymentLedger"/>.</summary>
internal sealed class FaultyPaymentLedger(IPaymentLedger inner, PortFaults faults) : IPaymentLedger
{
    public Task<PaymentRecord?> GetAsync(string orderId, CancellationToken cancellationToken = default) =>
        faults.ReadAsync("ledger.get", orderId, "", () => inner.GetAsync(orderId, cancellationToken));

    public Task<int> CountAttemptAsync(string orderId, CancellationToken cancellationToken = default) =>
        faults.WriteAsync("ledger.countAttempt", orderId, "", () => inner.CountAttemptAsync(orderId, cancellationToken));

    public Task<PaymentRecord> RecordAsync(PaymentRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return faults.WriteAsync("ledger.record", record.OrderId, "", () => inner.RecordAsync(record, cancellationToken), stored => stored == record);
    }

    public Task<bool> MarkRefundedAsync(string orderId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        faults.WriteAsync("ledger.markRefunded", orderId, "", () => inner.MarkRefundedAsync(orderId, at, cancellationToken), changed => changed);
}
