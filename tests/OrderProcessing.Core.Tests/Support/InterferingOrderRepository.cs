using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Core.Tests.Support;

/// <summary>
/// A repository that lets a concurrent writer in just before each of the next <paramref name="interferences"/>
/// transition writes, so the caller's conditional write loses the race.
/// </summary>
public sealed class InterferingOrderRepository(IOrderRepository inner, Func<Task> concurrentWriter, int interferences = 1) : IOrderRepository
{
    private int _left = interferences;

    public Task<Order?> GetAsync(string orderId, CancellationToken cancellationToken = default) => inner.GetAsync(orderId, cancellationToken);

    public Task AddAsync(Order order, CancellationToken cancellationToken = default) => inner.AddAsync(order, cancellationToken);

    public async Task UpdateAsync(Order order, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Decrement(ref _left) >= 0)
        {
            await concurrentWriter();
        }

        await inner.UpdateAsync(order, cancellationToken);
    }

    public Task DeleteAsync(string orderId, long expectedVersion, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(orderId, expectedVersion, cancellationToken);

    public Task<Page<Order>> ListAsync(OrderQuery query, CancellationToken cancellationToken = default) => inner.ListAsync(query, cancellationToken);
}
