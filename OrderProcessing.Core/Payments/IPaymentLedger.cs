namespace OrderProcessing.Core.Payments;

/// <summary>
/// Storage port for the gateway's ledger, keyed by order: it makes the gateway idempotent per order, so a redelivered
/// charge returns the first outcome instead of capturing again.
/// </summary>
public interface IPaymentLedger
{
    /// <summary>The order's payment record, or null if no attempt completed.</summary>
    Task<PaymentRecord?> GetAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>Counts an attempt for the order and returns the count including this one (1 for the first).</summary>
    Task<int> CountAttemptAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="record"/> unless the order already has one; returns whichever record is stored.</summary>
    Task<PaymentRecord> RecordAsync(PaymentRecord record, CancellationToken cancellationToken = default);

    /// <summary>Marks a captured payment refunded. True if it changed now; false if it was not captured or already refunded.</summary>
    Task<bool> MarkRefundedAsync(string orderId, DateTimeOffset at, CancellationToken cancellationToken = default);
}
