using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Core.Tests.Support;

/// <summary>
/// A repository whose first read returns the order as it was earlier: a delivery that read the order, stalled, and
/// resumes after other deliveries moved it on (or an eventually consistent read). Writes stay conditional on the real store.
/// </summary>
public sealed class StaleReadOrderRepository(IOrderRepository inner, OrderSnapshot stale) : IOrderRepository
{
    private int _staleReadsLeft = 1;

    public Task<Order?> GetAsync(string orderId, CancellationToken cancellationToken = default) =>
        orderId == stale.OrderId && Interlocked.Exchange(ref _staleReadsLeft, 0) == 1
            ? Task.FromResult<Order?>(Order.FromSnapshot(stale))
            : inner.GetAsync(orderId, cancellationToken);

    public Task AddAsync(Order order, CancellationToken cancellationToken = default) => inner.AddAsync(order, cancellationToken);

    public Task UpdateAsync(Order order, CancellationToken cancellationToken = default) => inner.UpdateAsync(order, cancellationToken);

    public Task DeleteAsync(string orderId, long expectedVersion, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(orderId, expectedVersion, cancellationToken);

    public Task<Page<Order>> ListAsync(OrderQuery query, CancellationToken cancellationToken = default) => inner.ListAsync(query, cancellationToken);
}
