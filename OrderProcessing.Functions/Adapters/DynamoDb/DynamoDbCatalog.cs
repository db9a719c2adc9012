using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Core.Retries;
using OrderProcessing.Functions.Adapters.Aws;
using OrderProcessing.Topology.Storage;
using P = OrderProcessing.Topology.Storage.ProductItemAttributes;

namespace OrderProcessing.Functions.Adapters.DynamoDb;

/// <summary>
/// <see cref="ICatalog"/> on the products table: the catalog entry of each product item (its stock counters and ledger
/// belong to <see cref="DynamoDbInventory"/>). Reads leave the ledger, the bulk of the item, out.
/// </summary>
public sealed class DynamoDbCatalog : ICatalog
{
    private const string Scope = "products";
    private const string CursorKey = "id";
    private const int MaxAttempts = 20;
    private const int BatchGetLimit = 100;

    private readonly ProductTable _table;
    private readonly CursorCodec _cursors;
    private readonly IndexSchema _listing = StorageSchema.Products.Index("listing");

    // A create racing another create or update tries again at once; unprocessed keys of a BatchGetItem are DynamoDB
    // shedding load, so those are asked for again after a doubling wait (50 ms up to 1 s).
    private readonly ContentionRetry _conflicts;
    private readonly ContentionRetry _throttling;

    /// <summary>Creates the adapter on table <paramref name="tableName"/> (the value of <c>PRODUCTS_TABLE</c>); <paramref name="clock"/> times the waits of a throttled read.</summary>
    public DynamoDbCatalog(IAmazonDynamoDB client, string tableName, TimeProvider clock, CursorCodec? cursors = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _table = new ProductTable(client, tableName);
        _cursors = cursors ?? CursorCodec.Default;
        _conflicts = new ContentionRetry(MaxAttempts, clock);
        _throttling = new ContentionRetry(MaxAttempts, clock, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(1));
    }

    /// <inheritdoc />
    public async Task<Product?> GetAsync(string productId, CancellationToken cancellationToken = default) =>
        (await _table.ReadAsync(productId, withLedger: false, cancellationToken).ConfigureAwait(false))?.ToProduct();

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, Product>> GetManyAsync(IReadOnlyCollection<string> productIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        var found = new Dictionary<string, Product>(StringComparer.Ordinal);
        foreach (var chunk in productIds.Distinct(StringComparer.Ordinal).Chunk(BatchGetLimit))
        {
            foreach (var item in await BatchGetAsync(chunk, cancellationToken).ConfigureAwait(false))
            {
                var product = ProductItemMapper.FromItem(item).ToProduct();
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
                TableName = _table.Name,
                IndexName = _listing.Name,
                KeyConditionExpression = after is null ? "#lp = :lp" : "#lp = :lp AND #id > :after",
                ExpressionAttributeNames = new() { ["#lp"] = _listing.PartitionKey.Name },
                ExpressionAttributeValues = new() { [":lp"] = Attr.S(ProductItemMapper.ListPartitionValue) },
                ScanIndexForward = true,
                Limit = limit + 1 - ids.Count,
                ExclusiveStartKey = start,
            };
            if (after is not null)
            {
                request.ExpressionAttributeNames["#id"] = _listing.SortKey.Name;
                request.ExpressionAttributeValues[":after"] = Attr.S(after);
            }

            var response = await AwsErrors.RunAsync($"Query {_table.Name}/{_listing.Name}", ct => _table.Client.QueryAsync(request, ct), cancellationToken).ConfigureAwait(false);
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
    public Task<bool> UpsertAsync(string productId, string name, Money unitPrice, int available, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productId);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfNegative(available);
        var update = new UpdateExpressionBuilder();
        update
            .Set(update.Path(P.Name), Attr.S(name))
            .Set(update.Path(P.UnitPrice), Attr.N(unitPrice.Amount))
            .Set(update.Path(P.Currency), Attr.S(unitPrice.Currency.Code))
            .Set(update.Path(P.Available), Attr.N(available))
            .Condition($"attribute_exists({update.Path(P.ProductId)})");
        var updateRequest = update.ToRequest(_table.Name, ProductItemMapper.Key(productId));
        var create = new PutItemRequest
        {
            TableName = _table.Name,
            Item = ProductItemMapper.NewItem(productId, name, unitPrice, available),
            ConditionExpression = "attribute_not_exists(#id)",
            ExpressionAttributeNames = new() { ["#id"] = P.ProductId },
        };

        return _conflicts.RunAsync(
            async ct =>
            {
                if (await _table.TryUpdateAsync(updateRequest, ct).ConfigureAwait(false))
                {
                    return Attempt<bool>.Done(false);
                }

                // No such product yet: create it, unless someone else did meanwhile (then update it on the next attempt).
                try
                {
                    await AwsErrors.RunAsync($"PutItem {_table.Name}", c => _table.Client.PutItemAsync(create, c), ct).ConfigureAwait(false);
                    return Attempt<bool>.Done(true);
                }
                catch (ConditionalCheckFailedException)
                {
                    return Attempt<bool>.Again;
                }
            },
            () => new TransientFailureException($"Storing product '{productId}' kept conflicting with concurrent writes."),
            cancellationToken);
    }

    private async Task<List<Dictionary<string, AttributeValue>>> BatchGetAsync(IReadOnlyList<string> productIds, CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>(productIds.Count);
        var pending = new KeysAndAttributes
        {
            Keys = productIds.Select(ProductItemMapper.Key).ToList(),
            ConsistentRead = true,
            ProjectionExpression = ProductItemMapper.CatalogProjection,
            ExpressionAttributeNames = ProductItemMapper.CatalogProjectionNames(),
        };
        return await _throttling.RunAsync(
            async ct =>
            {
                var request = new BatchGetItemRequest { RequestItems = new() { [_table.Name] = pending } };
                var response = await AwsErrors.RunAsync($"BatchGetItem {_table.Name}", c => _table.Client.BatchGetItemAsync(request, c), ct).ConfigureAwait(false);
                if (response.Responses?.TryGetValue(_table.Name, out var got) == true)
                {
                    items.AddRange(got);
                }

                // Unprocessed keys are DynamoDB shedding load: back off and ask for the rest.
                if (response.UnprocessedKeys?.TryGetValue(_table.Name, out var rest) != true || rest!.Keys is not { Count: > 0 })
                {
                    return Attempt<List<Dictionary<string, AttributeValue>>>.Done(items);
                }

                pending = rest;
                return Attempt<List<Dictionary<string, AttributeValue>>>.Again;
            },
            () => new TransientFailureException($"BatchGetItem {_table.Name} left keys unprocessed after {MaxAttempts} attempts."),
            cancellationToken).ConfigureAwait(false);
    }
}
