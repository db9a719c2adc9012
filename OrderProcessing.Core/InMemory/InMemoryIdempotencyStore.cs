using OrderProcessing.Core.Idempotency;

namespace OrderProcessing.Core.InMemory;

/// <summary>Idempotency records in process memory; an expired record counts as free, as DynamoDB's TTL makes it.</summary>
public sealed class InMemoryIdempotencyStore(TimeProvider clock) : IIdempotencyStore
{
    private readonly Dictionary<string, IdempotencyRecord> _records = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public Task<IdempotencyRecord?> TryClaimAsync(IdempotencyRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            if (_records.TryGetValue(record.Key, out var existing) && existing.ExpiresAt > clock.GetUtcNow())
            {
                return Task.FromResult<IdempotencyRecord?>(existing);
            }

            _records[record.Key] = record;
            return Task.FromResult<IdempotencyRecord?>(null);
        }
    }
}
