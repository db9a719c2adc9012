using OrderProcessing.Core.Payments;

namespace OrderProcessing.Core.InMemory;

/// <summary>The payment ledger in process memory; first record per order wins.</summary>
public sealed class InMemoryPaymentLedger : IPaymentLedger
{
    private readonly Dictionary<string, PaymentRecord> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Every record, for inspection.</summary>
    public IReadOnlyList<PaymentRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return _records.Values.ToList();
            }
        }
    }

    /// <inheritdoc />
    public Task<PaymentRecord?> GetAsync(string orderId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_records.GetValueOrDefault(orderId));
        }
    }

    /// <inheritdoc />
    public Task<int> CountAttemptAsync(string orderId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var count = _attempts.GetValueOrDefault(orderId) + 1;
            _attempts[orderId] = count;
            return Task.FromResult(count);
        }
    }

    /// <inheritdoc />
    public Task<PaymentRecord> RecordAsync(PaymentRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            return Task.FromResult(_records.TryAdd(record.OrderId, record) ? record : _records[record.OrderId]);
        }
    }

    /// <inheritdoc />
    public Task<bool> MarkRefundedAsync(string orderId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_records.TryGetValue(orderId, out var r) || r.Status != PaymentStatus.Captured)
            {
                return Task.FromResult(false);
            }

            _records[orderId] = r with { Status = PaymentStatus.Refunded, RefundedAt = at };
            return Task.FromResult(true);
        }
    }
}
