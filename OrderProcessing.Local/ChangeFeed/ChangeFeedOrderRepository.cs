using Microsoft.Extensions.Logging;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Local.ChangeFeed;

/// <summary>
/// The local stand-in for the orders table's stream: decorates any <see cref="IOrderRepository"/> (in memory, or the
/// DynamoDB adapter on an endpoint without streams) and raises one <see cref="OrderChange"/> per successful write.
/// A failed (conditional) write raises nothing, exactly like a stream. Subscribers see every change after they subscribe.
/// </summary>
public sealed partial class ChangeFeedOrderRepository(
    IOrderRepository inner,
    TimeProvider clock,
    ILogger<ChangeFeedOrderRepository> logger) : IOrderRepository
{
    private IOrderChangeSubscriber[] _subscribers = [];
    private long _sequence;

    /// <summary>The decorated repository.</summary>
    public IOrderRepository Inner => inner;

    /// <summary>Adds a subscriber; each change goes to the subscribers in the order they subscribed.</summary>
    public void Subscribe(IOrderChangeSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        IOrderChangeSubscriber[] current, updated;
        do
        {
            current = Volatile.Read(ref _subscribers);
            updated = [.. current, subscriber];
        }
        while (Interlocked.CompareExchange(ref _subscribers, updated, current) != current);
    }

    /// <inheritdoc />
    public Task<Order?> GetAsync(string orderId, CancellationToken cancellationToken = default) =>
        inner.GetAsync(orderId, cancellationToken);

    /// <inheritdoc />
    public Task<Page<Order>> ListAsync(OrderQuery query, CancellationToken cancellationToken = default) =>
        inner.ListAsync(query, cancellationToken);

    /// <inheritdoc />
    public async Task AddAsync(Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        await inner.AddAsync(order, cancellationToken).ConfigureAwait(false);
        Raise(OrderChangeKind.Insert, order.OrderId, null, order.ToSnapshot());
    }

    /// <inheritdoc />
    public async Task UpdateAsync(Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);

        // A stream with NEW_AND_OLD_IMAGES carries the item as it was. The write below only succeeds against version
        // Version - 1, and versions are never reused, so a read at that version is exactly the old image.
        var before = await inner.GetAsync(order.OrderId, cancellationToken).ConfigureAwait(false);
        await inner.UpdateAsync(order, cancellationToken).ConfigureAwait(false);
        var old = before is not null && before.Version == order.Version - 1 ? before.ToSnapshot() : null;
        Raise(OrderChangeKind.Modify, order.OrderId, old, order.ToSnapshot());
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string orderId, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var before = await inner.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
        await inner.DeleteAsync(orderId, expectedVersion, cancellationToken).ConfigureAwait(false);
        var old = before is not null && before.Version == expectedVersion ? before.ToSnapshot() : null;
        Raise(OrderChangeKind.Remove, orderId, old, null);
    }

    private void Raise(OrderChangeKind kind, string orderId, OrderSnapshot? oldImage, OrderSnapshot? newImage)
    {
        var change = new OrderChange(kind, orderId, oldImage, newImage, Interlocked.Increment(ref _sequence), clock.GetUtcNow());
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try
            {
                subscriber.OnChange(change);
            }
            catch (Exception e)
            {
                // The write is stored; failing the caller now would make it retry a write that succeeded. Say it loudly.
                LogSubscriberFailed(logger, e, subscriber.GetType().Name, orderId, change.SequenceNumber);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Change feed: {Subscriber} failed to take change {Sequence} of order {OrderId}")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception, string subscriber, string orderId, long sequence);
}
