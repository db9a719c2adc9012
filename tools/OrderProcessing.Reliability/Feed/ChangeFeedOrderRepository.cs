using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Reliability.Feed;

/// <summary>
/// The store's change feed (DynamoDB Streams in AWS): after every write that the store accepted, one change record.
/// Sits directly over the store, under the fault decorators, so a crash after the write still emits it, as a stream
/// would, and a write that failed emits nothing.
/// </summary>
internal sealed class ChangeFeedOrderRepository(IOrderRepository inner) : IOrderRepository
{
    private int _changes;

    /// <summary>Receives every change, in write order per order.</summary>
    public Action<OrderChange>? Changed { get; set; }

    /// <summary>Changes emitted so far.</summary>
    public int ChangeCount => Volatile.Read(ref _changes);

    public Task<Order?> GetAsync(string orderId, CancellationToken cancellationToken = default) => inner.GetAsync(orderId, cancellationToken);

    public async Task AddAsync(Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        await inner.AddAsync(order, cancellationToken).ConfigureAwait(false);
        Emit(new OrderChange(order.OrderId, order.Status, null, order.Version, order.LastEvent.Type, order.ToSnapshot()));
    }

    public async Task UpdateAsync(Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        await inner.UpdateAsync(order, cancellationToken).ConfigureAwait(false);
        Emit(new OrderChange(order.OrderId, order.Status, order.PreviousStatus, order.Version, order.LastEvent.Type, order.ToSnapshot()));
    }

    public async Task DeleteAsync(string orderId, long expectedVersion, DateTimeOffset tombstoneExpiresAt, CancellationToken cancellationToken = default)
    {
        await inner.DeleteAsync(orderId, expectedVersion, tombstoneExpiresAt, cancellationToken).ConfigureAwait(false);
        Emit(new OrderChange(orderId, null, null, expectedVersion, null));
    }

    public Task<Page<Order>> ListAsync(OrderQuery query, CancellationToken cancellationToken = default) => inner.ListAsync(query, cancellationToken);

    private void Emit(OrderChange change)
    {
        Interlocked.Increment(ref _changes);
        Changed?.Invoke(change);
    }
}
