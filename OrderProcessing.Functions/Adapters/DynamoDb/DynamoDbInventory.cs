using Amazon.DynamoDBv2;
using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Retries;
using P = OrderProcessing.Topology.Storage.ProductItemAttributes;

namespace OrderProcessing.Functions.Adapters.DynamoDb;

/// <summary>
/// <see cref="IInventory"/> on the products table. The catalog entry, the stock counters and the per-order reservation
/// ledger live in one item, so every stock change is ONE conditional UpdateItem that moves the counters and records the
/// order's entry together: no transaction (which dynalite lacks), no window in which a crash leaves counters and ledger
/// disagreeing, and available stock can never go negative.
/// </summary>
/// <remarks>
/// <para>
/// <b>Keeping the item bounded.</b> The ledger maps order id to <c>{q, s, t}</c> (quantity, state, epoch seconds of the
/// last change). An entry is needed while its reservation is live (<c>reserved</c>), and for a while after it settles
/// (<c>released</c>, <c>shipped</c>): a reserve arriving after the release must answer <see cref="ReservationOutcome.AlreadySettled"/>
/// instead of taking stock again, and a shipped entry must stay releasable while a cancellation may still race the
/// shipment. Both races come from stage messages about an order that has moved on, so they end within a stage message's
/// life (15 minutes: 5 receives × 3 minutes of visibility). Settled entries older than <see cref="ReservationLedgerOptions.SettledRetention"/> (one
/// hour by default) are therefore pruned: every release or ship reads the item anyway (to learn the entry's quantity
/// and state) and removes up to <see cref="ReservationLedgerOptions.MaxPrunedPerWrite"/> expired entries in the same
/// conditional write. Each settlement adds one entry and removes up to that many, so expired entries never pile up.
/// Live entries are never pruned. A reserve is a blind conditional write (no read), so concurrent reserves of one
/// product contend only on the stock itself.
/// </para>
/// <para>
/// <b>The bound, honestly.</b> The item holds the product's live reservations plus the reservations settled within the
/// retention window, about 60 bytes each, under DynamoDB's 400 KB item limit: roughly 6,000 entries, for example 6,000
/// orders of one product per hour with everything settling promptly. Every write of an item costs one write unit per KB
/// of item, so a product near that rate also pays for its size on each reservation. Beyond that a product needs its
/// stock split over several items (stock buckets) or a separate ledger table with transactions, which this store,
/// tested against dynalite, does not use. After the retention a settled entry is gone: a dead-lettered release replayed
/// hours later finds nothing and returns false (the units stay counted as shipped, never oversold); an operator
/// corrects stock with <c>PUT /products</c>.
/// </para>
/// </remarks>
public sealed class DynamoDbInventory : IInventory
{
    private const int MaxAttempts = 20;

    private readonly ProductTable _table;
    private readonly TimeProvider _clock;
    private readonly ReservationLedgerOptions _options;

    // A conditional write that lost to a concurrent change of the item reads again and decides again, at once.
    private readonly ContentionRetry _conflicts;

    /// <summary>Creates the adapter on table <paramref name="tableName"/> (the value of <c>PRODUCTS_TABLE</c>).</summary>
    public DynamoDbInventory(IAmazonDynamoDB client, string tableName, TimeProvider clock, ReservationLedgerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _table = new ProductTable(client, tableName);
        _clock = clock;
        _options = options ?? ReservationLedgerOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxPrunedPerWrite, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.SettledRetention, TimeSpan.Zero, nameof(options));
        _conflicts = new ContentionRetry(MaxAttempts, clock);
    }

    /// <inheritdoc />
    public Task<ReservationOutcome> ReserveAsync(string orderId, string productId, int quantity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        ArgumentNullException.ThrowIfNull(productId);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        return _conflicts.RunAsync(
            async ct =>
            {
                var update = new UpdateExpressionBuilder();
                var available = update.Path(P.Available);
                var reserved = update.Path(P.Reserved);
                var entry = update.Path(P.Ledger, orderId);
                var q = update.Value(Attr.N(quantity));
                update
                    .Set(available, $"{available} - {q}")
                    .Set(reserved, $"{reserved} + {q}")
                    .Set(entry, new LedgerEntry(quantity, LedgerEntry.ReservedState, NowEpochSeconds()).ToAttribute())
                    .Condition($"attribute_exists({update.Path(P.ProductId)})")
                    .Condition($"attribute_not_exists({entry})")
                    .Condition($"{available} >= {q}");
                if (await _table.TryUpdateAsync(update.ToRequest(_table.Name, ProductItemMapper.Key(productId)), ct).ConfigureAwait(false))
                {
                    return Attempt<ReservationOutcome>.Done(ReservationOutcome.Reserved);
                }

                // Which part of the condition failed? Read and decide; if none does any more, the item changed in
                // between (stock was released), so try again.
                var state = await _table.ReadAsync(productId, withLedger: true, ct).ConfigureAwait(false);
                if (state is null)
                {
                    return Attempt<ReservationOutcome>.Done(ReservationOutcome.UnknownProduct);
                }

                if (state.Ledger.TryGetValue(orderId, out var existing))
                {
                    return Attempt<ReservationOutcome>.Done(existing.IsLive ? ReservationOutcome.AlreadyReserved : ReservationOutcome.AlreadySettled);
                }

                return state.Stock.Available < quantity ? Attempt<ReservationOutcome>.Done(ReservationOutcome.InsufficientStock) : Attempt<ReservationOutcome>.Again;
            },
            () => new TransientFailureException($"Reserving '{productId}' for order '{orderId}' kept conflicting with concurrent writes."),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> ReleaseAsync(string orderId, string productId, CancellationToken cancellationToken = default) =>
        SettleAsync(orderId, productId, ship: false, cancellationToken);

    /// <inheritdoc />
    public Task<bool> ShipAsync(string orderId, string productId, CancellationToken cancellationToken = default) =>
        SettleAsync(orderId, productId, ship: true, cancellationToken);

    /// <inheritdoc />
    public async Task<StockLevel?> GetStockAsync(string productId, CancellationToken cancellationToken = default) =>
        (await _table.ReadAsync(productId, withLedger: false, cancellationToken).ConfigureAwait(false))?.Stock;

    // Release (reserved or shipped -> released, units back to available) or ship (reserved -> shipped): read the entry,
    // then one write conditioned on the entry being exactly as read, pruning expired entries on the way. A failed
    // condition means the entry or the counters changed since the read (a concurrent settle of this order): read again.
    private Task<bool> SettleAsync(string orderId, string productId, bool ship, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        ArgumentNullException.ThrowIfNull(productId);
        return _conflicts.RunAsync(
            async ct =>
            {
                var state = await _table.ReadAsync(productId, withLedger: true, ct).ConfigureAwait(false);
                if (state is null || !state.Ledger.TryGetValue(orderId, out var entry))
                {
                    return Attempt<bool>.Done(false);
                }

                if (ship ? !entry.IsLive : entry.State == LedgerEntry.ReleasedState)
                {
                    return Attempt<bool>.Done(false);
                }

                var (from, to, newState) = ship
                    ? (P.Reserved, P.Shipped, LedgerEntry.ShippedState)
                    : (entry.IsLive ? P.Reserved : P.Shipped, P.Available, LedgerEntry.ReleasedState);
                var request = SettleUpdate(state, orderId, entry, from, to, newState).ToRequest(_table.Name, ProductItemMapper.Key(productId));
                return await _table.TryUpdateAsync(request, ct).ConfigureAwait(false) ? Attempt<bool>.Done(true) : Attempt<bool>.Again;
            },
            () => new TransientFailureException($"{(ship ? "Shipping" : "Releasing")} '{productId}' of order '{orderId}' kept conflicting with concurrent writes."),
            cancellationToken);
    }

    private UpdateExpressionBuilder SettleUpdate(ProductState state, string orderId, LedgerEntry entry, string from, string to, string newState)
    {
        var now = NowEpochSeconds();
        var update = new UpdateExpressionBuilder();
        var fromCount = update.Path(from);
        var toCount = update.Path(to);
        var entryState = update.Path(P.Ledger, orderId, LedgerEntry.StateField);
        var q = update.Value(Attr.N(entry.Quantity));
        update
            .Set(toCount, $"{toCount} + {q}")
            .Set(fromCount, $"{fromCount} - {q}")
            .Set(entryState, Attr.S(newState))
            .Set(update.Path(P.Ledger, orderId, LedgerEntry.ChangedField), Attr.N(now))
            .Condition($"{entryState} = {update.Value(Attr.S(entry.State))}")
            .Condition($"{update.Path(P.Ledger, orderId, LedgerEntry.QuantityField)} = {q}")
            .Condition($"{fromCount} >= {q}");

        var prunable = Prunable(state, orderId, now);
        if (prunable.Count > 0)
        {
            var live = update.Value(Attr.S(LedgerEntry.ReservedState));
            foreach (var expired in prunable)
            {
                var path = update.Path(P.Ledger, expired);
                update.Remove(path);

                // An entry never becomes live again, except if it was pruned meanwhile and a (very late) reserve
                // recreated it: then this write must not delete a live reservation.
                update.Condition($"(attribute_not_exists({path}) OR {update.Path(P.Ledger, expired, LedgerEntry.StateField)} <> {live})");
            }
        }

        return update;
    }

    private List<string> Prunable(ProductState state, string exceptOrderId, long now)
    {
        var cutoff = now - (long)_options.SettledRetention.TotalSeconds;
        return state.Ledger
            .Where(e => e.Key != exceptOrderId && !e.Value.IsLive && e.Value.ChangedAtEpochSeconds <= cutoff)
            .OrderBy(e => e.Value.ChangedAtEpochSeconds)
            .ThenBy(e => e.Key, StringComparer.Ordinal)
            .Take(_options.MaxPrunedPerWrite)
            .Select(e => e.Key)
            .ToList();
    }

    private long NowEpochSeconds() => _clock.GetUtcNow().ToUnixTimeSeconds();
}
