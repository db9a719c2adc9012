using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Pricing;

namespace OrderProcessing.Core.InMemory;

/// <summary>
/// Catalog and stock in process memory. Every stock change happens under one lock and records the (order, product)
/// reservation, with the same outcomes as the DynamoDB adapter.
/// </summary>
public sealed class InMemoryCatalog(CursorCodec? cursors = null) : ICatalog, IInventory
{
    private const string Scope = "products";
    private readonly CursorCodec _cursors = cursors ?? CursorCodec.Default;
    private readonly SortedDictionary<string, Entry> _products = new(StringComparer.Ordinal);
    private readonly Dictionary<(string OrderId, string ProductId), Reservation> _reservations = [];
    private readonly Lock _gate = new();

    private enum ReservationState
    {
        Reserved,
        Released,
        Shipped,
    }

    /// <inheritdoc />
    public Task<Product?> GetAsync(string productId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_products.TryGetValue(productId, out var e) ? e.ToProduct(productId) : null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, Product>> GetManyAsync(IReadOnlyCollection<string> productIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        var found = new Dictionary<string, Product>(productIds.Count, StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var id in productIds)
            {
                if (!found.ContainsKey(id) && _products.TryGetValue(id, out var entry))
                {
                    found[id] = entry.ToProduct(id);
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, Product>>(found);
    }

    /// <inheritdoc />
    public Task<Page<Product>> ListAsync(int limit, string? cursor, CancellationToken cancellationToken = default)
    {
        string? after = null;
        if (cursor is not null)
        {
            after = _cursors.Decode(Scope, cursor).TryGetValue("id", out var id) ? id : throw ValidationException.ForField("cursor", "is not a cursor returned by this listing");
        }

        lock (_gate)
        {
            var page = _products
                .Where(p => after is null || string.CompareOrdinal(p.Key, after) > 0)
                .Take(limit + 1)
                .Select(p => p.Value.ToProduct(p.Key))
                .ToList();
            string? next = null;
            if (page.Count > limit)
            {
                page.RemoveAt(limit);
                next = _cursors.Encode(Scope, new Dictionary<string, string> { ["id"] = page[^1].ProductId });
            }

            return Task.FromResult(new Page<Product>(page, next));
        }
    }

    /// <inheritdoc />
    public Task<bool> UpsertAsync(string productId, string name, Money unitPrice, int available, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_products.TryGetValue(productId, out var e))
            {
                e.Name = name;
                e.UnitPrice = unitPrice;
                e.Available = available;
                return Task.FromResult(false);
            }

            _products[productId] = new Entry { Name = name, UnitPrice = unitPrice, Available = available };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<ReservationOutcome> ReserveAsync(string orderId, string productId, int quantity, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        lock (_gate)
        {
            if (_reservations.TryGetValue((orderId, productId), out var existing))
            {
                return Task.FromResult(existing.State == ReservationState.Reserved ? ReservationOutcome.AlreadyReserved : ReservationOutcome.AlreadySettled);
            }

            if (!_products.TryGetValue(productId, out var e))
            {
                return Task.FromResult(ReservationOutcome.UnknownProduct);
            }

            if (e.Available < quantity)
            {
                return Task.FromResult(ReservationOutcome.InsufficientStock);
            }

            e.Available -= quantity;
            e.Reserved += quantity;
            _reservations[(orderId, productId)] = new Reservation(quantity, ReservationState.Reserved);
            return Task.FromResult(ReservationOutcome.Reserved);
        }
    }

    /// <inheritdoc />
    public Task<bool> ReleaseAsync(string orderId, string productId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_reservations.TryGetValue((orderId, productId), out var r) || r.State == ReservationState.Released || !_products.TryGetValue(productId, out var e))
            {
                return Task.FromResult(false);
            }

            if (r.State == ReservationState.Reserved)
            {
                e.Reserved -= r.Quantity;
            }
            else
            {
                e.Shipped -= r.Quantity;
            }

            e.Available += r.Quantity;
            _reservations[(orderId, productId)] = r with { State = ReservationState.Released };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> ShipAsync(string orderId, string productId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_reservations.TryGetValue((orderId, productId), out var r) || r.State != ReservationState.Reserved || !_products.TryGetValue(productId, out var e))
            {
                return Task.FromResult(false);
            }

            e.Reserved -= r.Quantity;
            e.Shipped += r.Quantity;
            _reservations[(orderId, productId)] = r with { State = ReservationState.Shipped };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<StockLevel?> GetStockAsync(string productId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_products.TryGetValue(productId, out var e) ? e.Stock : null);
        }
    }

    private sealed record Reservation(int Quantity, ReservationState State);

    private sealed class Entry
    {
        public required string Name { get; set; }

        public required Money UnitPrice { get; set; }

        public int Available { get; set; }

        public int Reserved { get; set; }

        public int Shipped { get; set; }

        public StockLevel Stock => new(Available, Reserved, Shipped);

        public Product ToProduct(string id) => new(id, Name, UnitPrice, Stock);
    }
}
