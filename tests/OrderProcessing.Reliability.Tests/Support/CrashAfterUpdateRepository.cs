using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Reliability.Tests.Support;

/// <summary>Stores the first transition into <paramref name="status"/>, then throws as if the process died before going on.</summary>
internal sealed class CrashAfterUpdateRepository(IOrderRepository inner, OrderStatus status) : IOrderRepository
{
    private int _crashed;

    public Task<Order?> GetAsync(string orderId, CancellationToken cancellationToken = default) => inner.GetAsync(orderId, cancellationToken);

    public Task AddAsync(Order order, CancellationToken cancellationToken = default) => inner.AddAsync(order, cancellationToken);

    public async Task UpdateAsync(Order order, CancellationToken cancellationToken = default)
    {
        await inner.UpdateAsync(order, cancellationToken);
        if (order.Status == status && Interlocked.Exchange(ref _crashed, 1) == 0)
        {
            throw new InvalidOperationException($"crashed right after storing {status.ToWire()}");
        }
    }

    public Task DeleteAsync(string orderId, long expectedVersion, DateTimeOffset tombstoneExpiresAt, CancellationToken cancellationToken = default) => inner.DeleteAsync(orderId, expectedVersion, tombstoneExpiresAt, cancellationToken);

    public Task<Page<Order>> ListAsync(OrderQuery query, CancellationToken cancellationToken = default) => inner.ListAsync(query, cancellationToken);
}
