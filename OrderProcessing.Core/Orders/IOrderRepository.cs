using OrderProcessing.Core.Common;

namespace OrderProcessing.Core.Orders;

/// <summary>
/// Storage port for orders. Every write is conditional: a new order only if its id is free, a transition only if the
/// stored order still has the previous status and version, so concurrent or repeated writers never overwrite each other.
/// </summary>
public interface IOrderRepository
{
    /// <summary>The order, or null if none has this id.</summary>
    Task<Order?> GetAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a new order; throws <see cref="ConcurrencyConflictException"/> if the id is taken, by an order or by the
    /// tombstone of a deleted one.
    /// </summary>
    Task AddAsync(Order order, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores one transition: succeeds only if the stored order has version <c>order.Version - 1</c> and status
    /// <c>order.PreviousStatus</c>; otherwise throws <see cref="ConcurrencyConflictException"/> and changes nothing.
    /// </summary>
    Task UpdateAsync(Order order, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the order if it is still at <paramref name="expectedVersion"/>, otherwise throws
    /// <see cref="ConcurrencyConflictException"/> and changes nothing. The order is replaced by a tombstone that keeps its
    /// id taken until at least <paramref name="tombstoneExpiresAt"/> (the store may drop it any time after): reads return
    /// null, listings leave it out, no stage is started for it, and <see cref="AddAsync"/> with its id conflicts, so a
    /// replayed <c>Idempotency-Key</c> cannot create the order again under the same id.
    /// </summary>
    Task DeleteAsync(string orderId, long expectedVersion, DateTimeOffset tombstoneExpiresAt, CancellationToken cancellationToken = default);

    /// <summary>A page of orders, newest first (by creation time, then id). Throws <see cref="ValidationException"/> for a bad cursor.</summary>
    Task<Page<Order>> ListAsync(OrderQuery query, CancellationToken cancellationToken = default);
}
