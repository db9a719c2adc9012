using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Functions.Tests.Support;

/// <summary>Wraps a repository and throws <see cref="Failure"/>'s exception for the orders (or listings) it picks.</summary>
internal sealed class FailingOrderRepository(IOrderRepository inner) : IOrderRepository
{
    /// <summary>Given an order id (null for a listing), the exception to throw, or null to pass through.</summary>
    public Func<string?, Exception?> Failure { get; set; } = _ => null;

    public Task<Order?> GetAsync(string orderId, CancellationToken cancellationToken = default)
    {
        Fail(orderId);
        return inner.GetAsync(orderId, cancellationToken);
    }

    public Task AddAsync(Order order, CancellationToken cancellationToken = default)
    {
        Fail(order.OrderId);
        return inner.AddAsync(order, cancellationToken);
    }

    public Task UpdateAsync(Order order, CancellationToken cancellationToken = default)
    {
        Fail(order.OrderId);
        return inner.UpdateAsync(order, cancellationToken);
    }

    public Task DeleteAsync(string orderId, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Fail(orderId);
        return inner.DeleteAsync(orderId, expectedVersion, cancellationToken);
    }

    public Task<Page<Order>> ListAsync(OrderQuery query, CancellationToken cancellationToken = default)
    {
        Fail(null);
        return inner.ListAsync(query, cancellationToken);
    }

    private void Fail(string? orderId)
    {
        if (Failure(orderId) is { } exception)
        {
            throw exception;
        }
    }
}
