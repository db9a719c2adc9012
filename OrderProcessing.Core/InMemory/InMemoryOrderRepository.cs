using System.Globalization;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Core.InMemory;

/// <summary>
/// Orders in process memory with the same conditional-write rules as the DynamoDB adapter. Stores snapshots, so callers
/// never share a live aggregate with the store.
/// </summary>
/// <param name="cursors">Encodes listing positions; the default codec when null.</param>
/// <param name="clock">
/// When given, tombstones of deleted orders are dropped once they expire by this clock, as the DynamoDB table's time to
/// live drops them; without it they are kept (an expiry allows dropping, never requires it).
/// </param>
public sealed class InMemoryOrderRepository(CursorCodec? cursors = null, TimeProvider? clock = null) : IOrderRepository
{
    private readonly CursorCodec _cursors = cursors ?? CursorCodec.Default;
    private readonly Dictionary<string, OrderSnapshot> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _tombstones = new(StringComparer.Ordinal);
    private readonly SortedSet<(long Ticks, string OrderId)> _byTime = new(NewestFirst.Instance);
    private readonly Lock _gate = new();

    /// <summary>Number of stored orders (tombstones of deleted orders not counted).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _orders.Count;
            }
        }
    }

    /// <inheritdoc />
    public Task<Order?> GetAsync(string orderId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_orders.TryGetValue(orderId, out var s) ? Order.FromSnapshot(s) : null);
        }
    }

    /// <inheritdoc />
    public Task AddAsync(Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var snapshot = order.ToSnapshot();
        lock (_gate)
        {
            if (_tombstones.TryGetValue(order.OrderId, out var expiresAt))
            {
                if (!IsExpired(expiresAt))
                {
                    throw new ConcurrencyConflictException($"Order '{order.OrderId}' was deleted; its id is not reused.");
                }

                _tombstones.Remove(order.OrderId);
            }

            if (!_orders.TryAdd(order.OrderId, snapshot))
            {
                throw new ConcurrencyConflictException($"Order '{order.OrderId}' already exists.");
            }

            _byTime.Add((snapshot.CreatedAt.UtcTicks, snapshot.OrderId));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UpdateAsync(Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var snapshot = order.ToSnapshot();
        lock (_gate)
        {
            if (!_orders.TryGetValue(order.OrderId, out var stored) || stored.Version != order.Version - 1 || stored.Status != order.PreviousStatus)
            {
                throw new ConcurrencyConflictException(string.Create(CultureInfo.InvariantCulture, $"Order '{order.OrderId}' is no longer at version {order.Version - 1} and status {order.PreviousStatus?.ToWire()}."));
            }

            _orders[order.OrderId] = snapshot;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteAsync(string orderId, long expectedVersion, DateTimeOffset tombstoneExpiresAt, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(orderId, out var stored) || stored.Version != expectedVersion)
            {
                throw new ConcurrencyConflictException(string.Create(CultureInfo.InvariantCulture, $"Order '{orderId}' is no longer at version {expectedVersion}."));
            }

            _orders.Remove(orderId);
            _byTime.Remove((stored.CreatedAt.UtcTicks, orderId));
            _tombstones[orderId] = tombstoneExpiresAt;
            DropExpiredTombstones();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<Page<Order>> ListAsync(OrderQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        (long Ticks, string OrderId)? after = null;
        if (query.Cursor is not null)
        {
            var position = _cursors.Decode(query.Scope, query.Cursor);
            if (!position.TryGetValue("t", out var t) || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || !position.TryGetValue("id", out var id))
            {
                throw ValidationException.ForField("cursor", "is not a cursor returned by this listing");
            }

            after = (ticks, id);
        }

        var items = new List<Order>(query.Limit);
        var more = false;
        lock (_gate)
        {
            IEnumerable<(long Ticks, string OrderId)> keys = after is { } a
                ? _byTime.Where(k => NewestFirst.Instance.Compare(k, a) > 0)
                : _byTime;
            foreach (var key in keys)
            {
                var s = _orders[key.OrderId];
                if ((query.Status is { } status && s.Status != status) || (query.CustomerId is { } customer && s.CustomerId != customer))
                {
                    continue;
                }

                if (items.Count == query.Limit)
                {
                    more = true;
                    break;
                }

                items.Add(Order.FromSnapshot(s));
            }
        }

        string? next = null;
        if (more)
        {
            var last = items[^1];
            next = _cursors.Encode(query.Scope, new Dictionary<string, string>
            {
                ["t"] = last.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
                ["id"] = last.OrderId,
            });
        }

        return Task.FromResult(new Page<Order>(items, next));
    }

    private bool IsExpired(DateTimeOffset expiresAt) => clock is not null && expiresAt <= clock.GetUtcNow();

    // Called under the lock, on each delete, so tombstones do not pile up in a long-running process.
    private void DropExpiredTombstones()
    {
        foreach (var expired in _tombstones.Where(t => IsExpired(t.Value)).Select(t => t.Key).ToList())
        {
            _tombstones.Remove(expired);
        }
    }

    private sealed class NewestFirst : IComparer<(long Ticks, string OrderId)>
    {
        public static readonly NewestFirst Instance = new();

        public int Compare((long Ticks, string OrderId) x, (long Ticks, string OrderId) y)
        {
            var byTime = y.Ticks.CompareTo(x.Ticks);
            return byTime != 0 ? byTime : string.CompareOrdinal(y.OrderId, x.OrderId);
        }
    }
}
