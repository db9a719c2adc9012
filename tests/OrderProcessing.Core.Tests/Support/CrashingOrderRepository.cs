using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Core.Tests.Support;

/// <summary>A repository whose next transition write fails as if the process died just before it: side effects done, state not written.</summary>
public sealed class CrashingOrderRepository(IOrderRepository inner) : IOrderRepository
{
    private int _crashesLeft = 1;

    public Task<Order?> GetAsync(string orderId, CancellationToken cancellationToken = default) => inner.GetAsync(orderId, cancellationToken);

    public Task AddAsync(Order order, CancellationToken cancellationToken = default) => inner.AddAsync(order, cancellationToken);

    public Task UpdateAsync(Order order, CancellationToken cancellationToken = default) =>
        Interlocked.Exchange(ref _crashesLeft, 0) == 1 ? throw new SimulatedCrashException() : inner.UpdateAsync(order, cancellationToken);

    public Task DeleteAsync(string orderId, long expectedVersion, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(orderId, expectedVersion, cancellationToken);

    public Task<Page<Order>> ListAsync(OrderQuery query, CancellationToken cancellationToken = default) => inner.ListAsync(query, cancellationToken);
}
