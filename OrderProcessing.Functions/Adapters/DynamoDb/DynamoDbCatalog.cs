using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Functions.Adapters.Aws;
using OrderProcessing.Topology.Storage;
using P = OrderProcessing.Topology.Storage.ProductItemAttributes;

namespace OrderProcessing.Functions.Adapters.DynamoDb;

/// <summary>
/// <see cref="ICatalog"/> and <see cref="IInventory"/> on the products table. The catalog entry, the stock counters and
/// the per-order reservation ledger live in one item, so every stock change is ONE conditional UpdateItem that moves
/// the counters and records the order's entry together: no transaction (which dynalite lacks), no window in which a
/// crash leaves counters and ledger disagreeing, and available stock can never go negative.
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
public sealed class DynamoDbCatalog : ICatalog, IInventory
{
    private const string Scope = "products";
    private const string CursorKey = "id";
    private const string ListPartitionValue = "products";
    private const int MaxAttempts = 20;
    private const int BatchGetLimit = 100;

    private readonly IAmazonDynamoDB _client;
    private readonly string _table;
    private readonly TimeProvider _clock;
    private readonly ReservationLedgerOptions _options;
    private readonly CursorCodec _cursors;
    private readonly IndexSchema _listing = StorageSchema.Products.Index("listing");

    /// <summary>Creates the adapter on table <paramref name="tableName"/> (the value of <c>PRODUCTS_TABLE</c>).</summary>
    public DynamoDbCatalog(IAmazonDynamoDB client, string tableName, TimeProvider clock, ReservationLedgerOptions? options = null, CursorCodec? cursors = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        ArgumentNullException.ThrowIfNull(clock);
        _client = client;
        _table = tableName;
        _clock = clock;
        _options = options ?? ReservationLedgerOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxPrunedPerWrite, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.SettledRetention, TimeSpan.Zero, nameof(options));
        _cursors = cursors ?? CursorCodec.Default;
    }

    /// <inheritdoc />
    public async Task<Product?> GetAsync(string productId, CancellationToken cancellationToken = default) =>
        (await ReadAsync(productId, withLedger: false, cancellationToken).ConfigureAwait(false))?.ToProduct();

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, Product>> GetManyAsync(IReadOnlyCollection<string> productIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        var found = new Dictionary<string, Product>(StringComparer.Ordinal);
        foreach (var chunk in productIds.Distinct(StringComparer.Ordinal).Chunk(BatchGetLimit))
        {
            foreach (var item in await BatchGetAsync(chunk, cancellationToken).ConfigureAwait(false))
            {
                var product = ProductState.FromItem(item).ToProduct();
                found[product.ProductId] = product;
            }
        }

        return found;
    }

    /// <inheritdoc />
    /// <remarks>Product ids come from the keys-only <c>listing</c> index, the page's products from one BatchGetItem.</remarks>
    public async Task<Page<Product>> ListAsync(int limit, string? cursor, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        string? after = null;
        if (cursor is not null)
        {
            after = _cursors.Decode(Scope, cursor).TryGetValue(CursorKey, out var id) ? id : throw ValidationException.ForField("cursor", "is not a cursor returned by this listing");
        }

        var ids = new List<string>(limit + 1);
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var request = new QueryRequest
            {
                TableName = _table,
                IndexName = _listing.Name,
                KeyConditionExpression = after is null ? "#lp = :lp" : "#lp = :lp AND #id > :after",
                ExpressionAttributeNames = new() { ["#lp"] = _listing.PartitionKey.Name },
                ExpressionAttributeValues = new() { [":lp"] = Attr.S(ListPartitionValue) },
                ScanIndexForward = true,
                Limit = limit + 1 - ids.Count,
                ExclusiveStartKey = start,
            };
            if (after is not null)
            {
                request.ExpressionAttributeNames["#id"] = _listing.SortKey.Name;
                request.ExpressionAttributeValues[":after"] = Attr.S(after);
            }

            var response = await AwsErrors.RunAsync($"Query {_table}/{_listing.Name}", ct => _client.QueryAsync(request, ct), cancellationToken).ConfigureAwait(false);
            ids.AddRange((response.Items ?? []).Select(i => Attr.GetS(i, P.ProductId)));
            start = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (ids.Count <= limit && start is not null);

        var more = ids.Count > limit;
        var pageIds = ids.Take(limit).ToList();
        var products = await GetManyAsync(pageIds, cancellationToken).ConfigureAwait(false);
        var page = pageIds.Where(products.ContainsKey).Select(id => products[id]).ToList();
        var nextCursor = more ? _cursors.Encode(Scope, new Dictionary<string, string> { [CursorKey] = pageIds[^1] }) : null;
        return new Page<Product>(page, nextCursor);
    }

    /// <inheritdoc />
    /// <remarks>
    /// An update of an existing product touches only name, price and available stock (reserved, shipped and the ledger
    /// stay, and nothing large is returned); a new product is one conditional put. A create racing another create or
    /// update simply tries again.
    /// </remarks>
    public async Task<bool> UpsertAsync(string productId, string name, Money unitPrice, int available, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productId);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfNegative(available);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var update = new UpdateItemRequest
            {
                TableName = _table,
                Key = Key(productId),
                UpdateExpression = "SET #name = :name, #price = :price, #currency = :currency, #available = :available",
                ConditionExpression = "attribute_exists(#id)",
                ExpressionAttributeNames = new() { ["#id"] = P.ProductId, ["#name"] = P.Name, ["#price"] = P.UnitPrice, ["#currency"] = P.Currency, ["#available"] = P.Available },
                ExpressionAttributeValues = new() { [":name"] = Attr.S(name), [":price"] = Attr.N(unitPrice.Amount), [":currency"] = Attr.S(unitPrice.Currency.Code), [":available"] = Attr.N(available) },
            };
            try
            {
                await AwsErrors.RunAsync($"UpdateItem {_table}", ct => _client.UpdateItemAsync(update, ct), cancellationToken).ConfigureAwait(false);
                return false;
            }
            catch (ConditionalCheckFailedException)
            {
                // No such product yet: create it below.
            }

            var create = new PutItemRequest
            {
                TableName = _table,
                Item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                {
                    [P.ProductId] = Attr.S(productId),
                    [P.Name] = Attr.S(name),
                    [P.UnitPrice] = Attr.N(unitPrice.Amount),
                    [P.Currency] = Attr.S(unitPrice.Currency.Code),
                    [P.Available] = Attr.N(available),
                    [P.Reserved] = Attr.N(0),
                    [P.Shipped] = Attr.N(0),
                    [P.Ledger] = Attr.M([]),
                    [P.ListPartition] = Attr.S(ListPartitionValue),
                },
                ConditionExpression = "attribute_not_exists(#id)",
                ExpressionAttributeNames = new() { ["#id"] = P.ProductId },
            };
            try
            {
                await AwsErrors.RunAsync($"PutItem {_table}", ct => _client.PutItemAsync(create, ct), cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (ConditionalCheckFailedException)
            {
                // Created by someone else meanwhile: update it instead.
            }
        }

        throw new TransientFailureException($"Storing product '{productId}' kept conflicting with concurrent writes.");
    }

    /// <inheritdoc />
    public async Task<ReservationOutcome> ReserveAsync(string orderId, string productId, int quantity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        ArgumentNullException.ThrowIfNull(productId);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var entry = new LedgerEntry(quantity, LedgerEntry.ReservedState, NowEpochSeconds());
            var request = new UpdateItemRequest
            {
                TableName = _table,
                Key = Key(productId),
                UpdateExpression = "SET #available = #available - :q, #reserved = #reserved + :q, #ledger.#order = :entry",
                ConditionExpression = "attribute_exists(#id) AND attribute_not_exists(#ledger.#order) AND #available >= :q",
                ExpressionAttributeNames = new()
                {
                    ["#id"] = P.ProductId, ["#available"] = P.Available, ["#reserved"] = P.Reserved, ["#ledger"] = P.Ledger, ["#order"] = orderId,
                },
                ExpressionAttributeValues = new() { [":q"] = Attr.N(quantity), [":entry"] = entry.ToAttribute() },
            };
            try
            {
                await AwsErrors.RunAsync($"UpdateItem {_table}", ct => _client.UpdateItemAsync(request, ct), cancellationToken).ConfigureAwait(false);
                return ReservationOutcome.Reserved;
            }
            catch (ConditionalCheckFailedException)
            {
                // Which part of the condition failed? Read and decide; if none does any more, the item changed in
                // between (stock was released), so try again.
                var state = await ReadAsync(productId, withLedger: true, cancellationToken).ConfigureAwait(false);
                if (state is null)
                {
                    return ReservationOutcome.UnknownProduct;
                }

                if (state.Ledger.TryGetValue(orderId, out var existing))
                {
                    return existing.IsLive ? ReservationOutcome.AlreadyReserved : ReservationOutcome.AlreadySettled;
                }

                if (state.Stock.Available < quantity)
                {
                    return ReservationOutcome.InsufficientStock;
                }
            }
        }

        throw new TransientFailureException($"Reserving '{productId}' for order '{orderId}' kept conflicting with concurrent writes.");
    }

    /// <inheritdoc />
    public Task<bool> ReleaseAsync(string orderId, string productId, CancellationToken cancellationToken = default) =>
        SettleAsync(orderId, productId, ship: false, cancellationToken);

    /// <inheritdoc />
    public Task<bool> ShipAsync(string orderId, string productId, CancellationToken cancellationToken = default) =>
        SettleAsync(orderId, productId, ship: true, cancellationToken);

    /// <inheritdoc />
    public async Task<StockLevel?> GetStockAsync(string productId, CancellationToken cancellationToken = default) =>
        (await ReadAsync(productId, withLedger: false, cancellationToken).ConfigureAwait(false))?.Stock;

    // Release (reserved or shipped -> released, units back to available) or ship (reserved -> shipped): read the entry,
    // then one write conditioned on the entry being exactly as read, pruning expired entries on the way.
    private async Task<bool> SettleAsync(string orderId, string productId, bool ship, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        ArgumentNullException.ThrowIfNull(productId);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var state = await ReadAsync(productId, withLedger: true, cancellationToken).ConfigureAwait(false);
            if (state is null || !state.Ledger.TryGetValue(orderId, out var entry))
            {
                return false;
            }

            string from;
            string to;
            string newState;
            if (ship)
            {
                if (!entry.IsLive)
                {
                    return false;
                }

                (from, to, newState) = (P.Reserved, P.Shipped, LedgerEntry.ShippedState);
            }
            else
            {
                if (entry.State == LedgerEntry.ReleasedState)
                {
                    return false;
                }

                (from, to, newState) = (entry.IsLive ? P.Reserved : P.Shipped, P.Available, LedgerEntry.ReleasedState);
            }

            var now = NowEpochSeconds();
            var names = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["#from"] = from, ["#to"] = to, ["#ledger"] = P.Ledger, ["#order"] = orderId,
                ["#q"] = LedgerEntry.QuantityField, ["#s"] = LedgerEntry.StateField, ["#t"] = LedgerEntry.ChangedField,
            };
            var values = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
            {
                [":q"] = Attr.N(entry.Quantity), [":old"] = Attr.S(entry.State), [":new"] = Attr.S(newState), [":now"] = Attr.N(now),
            };
            var update = "SET #to = #to + :q, #from = #from - :q, #ledger.#order.#s = :new, #ledger.#order.#t = :now";
            var condition = "#ledger.#order.#s = :old AND #ledger.#order.#q = :q AND #from >= :q";

            var prunable = Prunable(state, orderId, now);
            if (prunable.Count > 0)
            {
                values[":live"] = Attr.S(LedgerEntry.ReservedState);
                var removes = new List<string>(prunable.Count);
                for (var i = 0; i < prunable.Count; i++)
                {
                    names[$"#p{i}"] = prunable[i];
                    removes.Add($"#ledger.#p{i}");

                    // An entry never becomes live again, except if it was pruned meanwhile and a (very late) reserve
                    // recreated it: then this write must not delete a live reservation.
                    condition += $" AND (attribute_not_exists(#ledger.#p{i}) OR #ledger.#p{i}.#s <> :live)";
                }

                update += " REMOVE " + string.Join(", ", removes);
            }

            var request = new UpdateItemRequest
            {
                TableName = _table,
                Key = Key(productId),
                UpdateExpression = update,
                ConditionExpression = condition,
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
            };
            try
            {
                await AwsErrors.RunAsync($"UpdateItem {_table}", ct => _client.UpdateItemAsync(request, ct), cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (ConditionalCheckFailedException)
            {
                // The entry or the counters changed since the read (a concurrent settle of this order): read again.
            }
        }

        throw new TransientFailureException($"{(ship ? "Shipping" : "Releasing")} '{productId}' of order '{orderId}' kept conflicting with concurrent writes.");
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

    private async Task<ProductState?> ReadAsync(string productId, bool withLedger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(productId);
        var request = new GetItemRequest { TableName = _table, Key = Key(productId), ConsistentRead = true };
        if (!withLedger)
        {
            request.ProjectionExpression = ProductState.CatalogProjection;
            request.ExpressionAttributeNames = ProductState.CatalogProjectionNames();
        }

        var response = await AwsErrors.RunAsync($"GetItem {_table}", ct => _client.GetItemAsync(request, ct), cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? ProductState.FromItem(item) : null;
    }

    private async Task<List<Dictionary<string, AttributeValue>>> BatchGetAsync(IReadOnlyList<string> productIds, CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>(productIds.Count);
        var pending = new KeysAndAttributes
        {
            Keys = productIds.Select(Key).ToList(),
            ConsistentRead = true,
            ProjectionExpression = ProductState.CatalogProjection,
            ExpressionAttributeNames = ProductState.CatalogProjectionNames(),
        };
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var request = new BatchGetItemRequest { RequestItems = new() { [_table] = pending } };
            var response = await AwsErrors.RunAsync($"BatchGetItem {_table}", ct => _client.BatchGetItemAsync(request, ct), cancellationToken).ConfigureAwait(false);
            if (response.Responses?.TryGetValue(_table, out var got) == true)
            {
                items.AddRange(got);
            }

            // Unprocessed keys are DynamoDB shedding load: back off and ask for the rest.
            if (response.UnprocessedKeys?.TryGetValue(_table, out var rest) != true || rest!.Keys is not { Count: > 0 })
            {
                return items;
            }

            pending = rest;
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 25 << Math.Min(attempt, 6))), cancellationToken).ConfigureAwait(false);
        }

        throw new TransientFailureException($"BatchGetItem {_table} left keys unprocessed after {MaxAttempts} attempts.");
    }

    private long NowEpochSeconds() => _clock.GetUtcNow().ToUnixTimeSeconds();

    private static Dictionary<string, AttributeValue> Key(string productId) => new() { [P.ProductId] = Attr.S(productId) };
}
