using System.Globalization;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Sweeping;

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
public sealed class InMemoryOrderRepository(CursorCodec? cursors = null, TimeProvider? clock = null) : IOrderRepository, IStuckOrderStore
{
    private readonly CursorCodec _cursors = cursors ?? CursorCodec.Default;
    private readonly Dictionary<string, OrderSnapshot> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _tombstones = new(StringComparer.Ordinal);
    private readonly SortedSet<(long Ticks, string OrderId)> _byTime = new(NewestFirst.Instance);

    // Per-status and per-customer indexes, like the DynamoDB adapter's byStatus and byCustomer: a filtered page reads only
    // the orders it can return instead of walking every stored order.
    private readonly Dictionary<OrderStatus, SortedSet<(long Ticks, string OrderId)>> _byStatus = [];
    private readonly Dictionary<string, SortedSet<(long Ticks, string OrderId)>> _byCustomer = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    // Nudges per order, counted for the version they were made at (a transition starts the count again, as the DynamoDB
    // adapter's rewrite of every attribute removes its nudge count).
    private readonly Dictionary<string, (long Version, int Count)> _nudges = new(StringComparer.Ordinal);

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

            var key = (snapshot.CreatedAt.UtcTicks, snapshot.OrderId);
            _byTime.Add(key);
            Index(_byStatus, snapshot.Status).Add(key);
            Index(_byCustomer, snapshot.CustomerId).Add(key);
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
            // A transition is stored over the status it left; a write that carries no new event over the status it keeps.
            var expected = order.LastEvent.Version == order.Version ? order.PreviousStatus : order.Status;
            if (!_orders.TryGetValue(order.OrderId, out var stored) || stored.Version != order.Version - 1 || stored.Status != expected)
            {
                throw new ConcurrencyConflictException(string.Create(CultureInfo.InvariantCulture, $"Order '{order.OrderId}' is no longer at version {order.Version - 1} and status {expected?.ToWire()}."));
            }

            _orders[order.OrderId] = snapshot;
            var key = (stored.CreatedAt.UtcTicks, stored.OrderId);
            if (stored.Status != snapshot.Status)
            {
                Unindex(_byStatus, stored.Status, key);
                Index(_byStatus, snapshot.Status).Add(key);
            }

            if (!string.Equals(stored.CustomerId, snapshot.CustomerId, StringComparison.Ordinal))
            {
                Unindex(_byCustomer, stored.CustomerId, key);
                Index(_byCustomer, snapshot.CustomerId).Add(key);
            }
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
            _nudges.Remove(orderId);
            var key = (stored.CreatedAt.UtcTicks, orderId);
            _byTime.Remove(key);
            Unindex(_byStatus, stored.Status, key);
            Unindex(_byCustomer, stored.CustomerId, key);
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
            foreach (var key in After(Source(query), after))
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

    /// <inheritdoc />
    public Task<IReadOnlyList<StuckOrder>> FindStuckAsync(OrderStatus status, DateTimeOffset enteredBefore, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_gate)
        {
            IReadOnlyList<StuckOrder> stuck = (_byStatus.GetValueOrDefault(status) ?? [])
                .Select(key => _orders[key.OrderId])
                .Where(o => o.UpdatedAt < enteredBefore)
                .OrderBy(o => o.UpdatedAt)
                .Take(limit)
                .Select(o => new StuckOrder(o.OrderId, o.Status, o.Version, o.UpdatedAt, NudgesOf(o)))
                .ToList();
            return Task.FromResult(stuck);
        }
    }

    /// <inheritdoc />
    public Task<StuckOrder> NudgeAsync(StuckOrder order, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        lock (_gate)
        {
            // The same condition as the DynamoDB adapter's: still at that status and version, last written by its transition.
            if (!_orders.TryGetValue(order.OrderId, out var stored) || stored.Version != order.Version || stored.Status != order.Status || stored.LastEvent.Version != stored.Version)
            {
                throw new ConcurrencyConflictException(string.Create(CultureInfo.InvariantCulture, $"Order '{order.OrderId}' is no longer at version {order.Version} and status {order.Status.ToWire()}."));
            }

            var nudges = NudgesOf(stored) + 1;
            _nudges[order.OrderId] = (stored.Version, nudges);
            return Task.FromResult(order with { EnteredAt = stored.UpdatedAt, Nudges = nudges });
        }
    }

    // Called under the lock.
    private int NudgesOf(OrderSnapshot order) =>
        _nudges.TryGetValue(order.OrderId, out var n) && n.Version == order.Version ? n.Count : 0;

    private bool IsExpired(DateTimeOffset expiresAt) => clock is not null && expiresAt <= clock.GetUtcNow();

    // Called under the lock, on each delete, so tombstones do not pile up in a long-running process.
    private void DropExpiredTombstones()
    {
        foreach (var expired in _tombstones.Where(t => IsExpired(t.Value)).Select(t => t.Key).ToList())
        {
            _tombstones.Remove(expired);
        }
    }

    // The narrowest index that holds every order the query can return (the filters are still applied to each).
    private SortedSet<(long Ticks, string OrderId)>? Source(OrderQuery query) => query switch
    {
        { CustomerId: { } customer } => _byCustomer.GetValueOrDefault(customer),
        { Status: { } status } => _byStatus.GetValueOrDefault(status),
        _ => _byTime,
    };

    // The keys of <paramref name="index"/> after the cursor's position, newest first, found by search rather than a walk.
    private static IEnumerable<(long Ticks, string OrderId)> After(SortedSet<(long Ticks, string OrderId)>? index, (long Ticks, string OrderId)? after)
    {
        if (index is null || index.Count == 0)
        {
            return [];
        }

        if (after is not { } a)
        {
            return index;
        }

        if (NewestFirst.Instance.Compare(a, index.Max) >= 0)
        {
            return [];
        }

        var view = index.GetViewBetween(a, index.Max);
        return view.Contains(a) ? view.Skip(1) : view;
    }

    private static SortedSet<(long Ticks, string OrderId)> Index<TKey>(Dictionary<TKey, SortedSet<(long Ticks, string OrderId)>> indexes, TKey key)
        where TKey : notnull
    {
        if (!indexes.TryGetValue(key, out var set))
        {
            set = new SortedSet<(long Ticks, string OrderId)>(NewestFirst.Instance);
            indexes[key] = set;
        }

        return set;
    }

    private static void Unindex<TKey>(Dictionary<TKey, SortedSet<(long Ticks, string OrderId)>> indexes, TKey key, (long Ticks, string OrderId) entry)
        where TKey : notnull
    {
        if (indexes.TryGetValue(key, out var set) && set.Remove(entry) && set.Count == 0)
        {
            indexes.Remove(key);
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
