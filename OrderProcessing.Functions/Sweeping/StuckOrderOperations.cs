using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Sweeping;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Sweeping;

/// <summary>
/// What an operator does about stuck orders, over the same Core sweeper and store the scheduled sweeper uses: list the
/// orders stuck past a cutoff, and nudge one order by id. The operator tool calls it against DynamoDB; the local host
/// serves it over its own store, so both answer the same way.
/// </summary>
public sealed class StuckOrderOperations
{
    private readonly IOrderRepository _orders;
    private readonly IStuckOrderStore _store;
    private readonly StuckOrderSweeper _sweeper;
    private readonly TimeProvider _clock;

    /// <summary>Creates the operations over <paramref name="orders"/>, which must also be an <see cref="IStuckOrderStore"/> (every orders store of the system is).</summary>
    public StuckOrderOperations(IOrderRepository orders, TimeProvider clock)
    {
        _orders = orders ?? throw new ArgumentNullException(nameof(orders));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _store = orders as IStuckOrderStore ?? throw new ArgumentException($"The orders store ({orders.GetType().Name}) cannot find stuck orders.", nameof(orders));
        _sweeper = new StuckOrderSweeper(_store, SystemTopology.StuckOrderDeadlines, clock);
    }

    /// <summary>
    /// At most <paramref name="limit"/> orders stuck in a swept status, the longest-waiting first: past
    /// <paramref name="olderThan"/> when given, else past their stage's deadline.
    /// </summary>
    public Task<IReadOnlyList<StuckOrder>> FindAsync(int limit, TimeSpan? olderThan, CancellationToken cancellationToken = default) =>
        _sweeper.FindAsync(limit, olderThan, cancellationToken);

    /// <summary>
    /// Re-emits order <paramref name="orderId"/>'s current status to its stage (a conditional no-op write the change feed
    /// carries again); safe to repeat because every stage is idempotent. Throws <see cref="OrderNotFoundException"/> for an
    /// unknown order, <see cref="InvalidOperationException"/> for an order in a status no stage
    /// moves on from, and <see cref="Core.Common.ConcurrencyConflictException"/> when it moved on meanwhile.
    /// </summary>
    public async Task<StuckOrder> NudgeAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        var order = await _orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false) ?? throw new OrderNotFoundException(orderId);

        // Only a status a stage moves on from is worth re-emitting; a terminal one would only re-notify its subscribers.
        if (!_sweeper.Deadlines.ContainsKey(order.Status))
        {
            throw new InvalidOperationException($"Order '{orderId}' is {order.Status.ToWire()}: no stage moves it on from there, so there is nothing to nudge.");
        }

        return await _store.NudgeAsync(StuckOrder.Of(order), _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }
}
