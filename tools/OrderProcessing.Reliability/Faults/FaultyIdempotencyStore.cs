using OrderProcessing.Core.Idempotency;

namespace OrderProcessing.Reliability.Faults;

/// <summary>Injects faults around every call of an <see cref="IIdempotencyStore"/>.</summary>
internal sealed class FaultyIdempotencyStore(IIdempotencyStore inner, PortFaults faults) : IIdempotencyStore
{
    public Task<IdempotencyRecord?> TryClaimAsync(IdempotencyRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return faults.WriteAsync("idempotency.claim", record.Key, "", () => inner.TryClaimAsync(record, cancellationToken), claimed => claimed is null);
    }
}
