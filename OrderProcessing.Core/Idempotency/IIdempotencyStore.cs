namespace OrderProcessing.Core.Idempotency;

/// <summary>Storage port for idempotency records; records expire after their <see cref="IdempotencyRecord.ExpiresAt"/>.</summary>
public interface IIdempotencyStore
{
    /// <summary>Stores the record if its key is free (or expired) and returns null; otherwise returns the stored record and changes nothing.</summary>
    Task<IdempotencyRecord?> TryClaimAsync(IdempotencyRecord record, CancellationToken cancellationToken = default);
}
