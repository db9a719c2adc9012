using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Reliability.Faults;

/// <summary>Injects faults around every call of an <see cref="IOrderRepository"/>.</summary>
internal sealed class FaultyOrderRepository(IOrderRepository inner, PortFaults faults) : IOrderRepository
{
    public Task<Order?> GetAsync(string orderId, CancellationToken cancellationToken = default) =>
        faults.ReadAsync("orders.get", orderId, "", () => inner.GetAsync(orderId, cancellationToken));

    public Task AddAsync(Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        return faults.WriteAsync("orders.add", order.OrderId, "", () => inner.AddAsync(order, cancellationToken));
    }

    public Task UpdateAsync(Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        return faults.WriteAsync("orders.update", order.OrderId, order.Status.ToWire(), () => inner.UpdateAsync(order, cancellationToken));
    }

    public Task DeleteAsync(string orderId, long expectedVersion, DateTimeOffset tombstoneExpiresAt, CancellationToken cancellationToken = default) =>
        faults.WriteAsync("orders.delete", orderId, "", () => inner.DeleteAsync(orderId, expectedVersion, tombstoneExpiresAt, cancellationToken));

    public Task<Page<Order>> ListAsync(OrderQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return faults.ReadAsync("orders.list", query.Scope, query.Cursor ?? "", () => inner.ListAsync(query, cancellationToken));
    }
}
