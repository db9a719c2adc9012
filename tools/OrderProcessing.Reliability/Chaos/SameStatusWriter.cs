using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;
using OrderProcessing.Reliability.Dispatch;
using OrderProcessing.Reliability.Faults;
using OrderProcessing.Topology;
using OrderProcessing.Transport.ChangeFeed;
using OrderProcessing.Transport.Events;

namespace OrderProcessing.Reliability.Chaos;

/// <summary>
/// An operator touching orders while they wait in a stage's queue: for a seeded share of the transitions the transport
/// routes to a stage, a same-status write of the order (the next version, status and last event kept, as a raw rewrite
/// would store it) is made through the store before the stage receives the message. The store's feed raises it like any
/// write; the pipe must not forward it, so the stage must not receive the order again. It also records, per order, the
/// newest image the feed showed, so the run can count the transitions into each status, deleted orders included.
/// </summary>
internal sealed class SameStatusWriter(IOrderRepository orders, ChaosPipeline pipeline, TimeProvider clock, double rate, int seed) : IOrderChangeSubscriber
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, OrderSnapshot> _newest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _writes = new(StringComparer.Ordinal);
    private int _missed;

    /// <summary>Same-status writes stored, by order.</summary>
    public IReadOnlyDictionary<string, int> Writes
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, int>(_writes, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Planned writes that found the stage had already moved the order (nothing written).</summary>
    public int Missed => Volatile.Read(ref _missed);

    /// <summary>Transitions into each status over the run: the history entries of every order's newest image.</summary>
    public IReadOnlyDictionary<OrderStatus, int> StatusesEntered()
    {
        lock (_gate)
        {
            return _newest.Values.SelectMany(o => o.History).GroupBy(h => h.Status).ToDictionary(g => g.Key, g => g.Count());
        }
    }

    /// <inheritdoc />
    public void OnChange(OrderChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.NewImage is { } image)
        {
            lock (_gate)
            {
                if (!_newest.TryGetValue(change.OrderId, out var known) || known.Version < image.Version)
                {
                    _newest[change.OrderId] = image;
                }
            }
        }

        // Only a transition the transport routes to a stage puts the order in a stage's queue.
        if (OrderEventEnvelopes.ForChange(change) is null
            || change.NewImage is not { } routed
            || SystemTopology.StageFor(routed.Status) is null
            || StableHash.Unit(seed, "same-status-write", change.OrderId, routed.Status.ToWire()) >= rate)
        {
            return;
        }

        // Due now: the pipeline starts it before it receives the next batch, so the message is still queued.
        pipeline.Schedule(pipeline.Clock.Now, () => WriteAsync(change.OrderId, routed.Status, routed.Version));
    }

    private async Task WriteAsync(string orderId, OrderStatus status, long version)
    {
        var order = await orders.GetAsync(orderId).ConfigureAwait(false);
        if (order is null || order.Status != status || order.Version != version)
        {
            Interlocked.Increment(ref _missed);
            return;
        }

        var rewritten = Order.FromSnapshot(order.ToSnapshot() with { Version = order.Version + 1, UpdatedAt = clock.GetUtcNow() });
        try
        {
            await orders.UpdateAsync(rewritten).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            // The stage (or a client) wrote first: the order was no longer waiting.
            Interlocked.Increment(ref _missed);
            return;
        }

        lock (_gate)
        {
            _writes[orderId] = _writes.GetValueOrDefault(orderId) + 1;
        }
    }
}
