using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Sweeping;

namespace OrderProcessing.Transport.ChangeFeed;

/// <summary>
/// Decorates any <see cref="IOrderRepository"/> (in memory, or the DynamoDB adapter on an endpoint without streams) so
/// that every successful write raises one change on the shared <see cref="OrderChangeFeed"/>, with the images a
/// <c>NEW_AND_OLD_IMAGES</c> stream carries. A rejected (conditional) write raises nothing, exactly like a stream.
/// </summary>
public sealed class ChangeFeedOrderRepository(IOrderRepository inner, OrderChangeFeed feed) : IOrderRepository, IStuckOrderStore
{
    private IStuckOrderStore Sweepable() =>
        inner as IStuckOrderStore ?? throw new InvalidOperationException($"The decorated orders store ({inner.GetType().Name}) cannot find stuck orders.");

    /// <summary>The decorated repository.</summary>
    public IOrderRepository Inner => inner;

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
        feed.Raise(OrderChangeKind.Insert, order.OrderId, null, order.ToSnapshot());
    }

    /// <inheritdoc />
    public async Task UpdateAsync(Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);

        // The write below only succeeds against version Version - 1, and versions are never reused, so a read at that
        // version is exactly the old image. Any other read (a concurrent writer got in between) is left out.
        var before = await inner.GetAsync(order.OrderId, cancellationToken).ConfigureAwait(false);
        await inner.UpdateAsync(order, cancellationToken).ConfigureAwait(false);
        var old = before is not null && before.Version == order.Version - 1 ? before.ToSnapshot() : null;
        feed.Raise(OrderChangeKind.Modify, order.OrderId, old, order.ToSnapshot());
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StuckOrder>> FindStuckAsync(OrderStatus status, DateTimeOffset enteredBefore, int limit, CancellationToken cancellationToken = default) =>
        Sweepable().FindStuckAsync(status, enteredBefore, limit, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Raised as a MODIFY whose old and new images are the same order (a nudge changes only its nudge count, which the
    /// order does not carry): the new image is still that status's transition, so the dispatcher routes it again, as the
    /// pipe forwards the stream record of the nudge.
    /// </remarks>
    public async Task<StuckOrder> NudgeAsync(StuckOrder order, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var nudged = await Sweepable().NudgeAsync(order, at, cancellationToken).ConfigureAwait(false);
        var image = await inner.GetAsync(order.OrderId, cancellationToken).ConfigureAwait(false);
        if (image is not null && image.Version == order.Version)
        {
            var snapshot = image.ToSnapshot();
            feed.Raise(OrderChangeKind.Modify, order.OrderId, snapshot, snapshot);
        }

        return nudged;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Raised as a REMOVE without a new image. In DynamoDB the delete writes a tombstone (a MODIFY whose new image has no
    /// status and no event); neither routes to a stage or publishes an event, so consumers see the same outcome.
    /// </remarks>
    public async Task DeleteAsync(string orderId, long expectedVersion, DateTimeOffset tombstoneExpiresAt, CancellationToken cancellationToken = default)
    {
        var before = await inner.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
        await inner.DeleteAsync(orderId, expectedVersion, tombstoneExpiresAt, cancellationToken).ConfigureAwait(false);
        var old = before is not null && before.Version == expectedVersion ? before.ToSnapshot() : null;
        feed.Raise(OrderChangeKind.Remove, orderId, old, null);
    }
}
