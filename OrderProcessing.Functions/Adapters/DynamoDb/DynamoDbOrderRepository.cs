using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Sweeping;
using OrderProcessing.Functions.Adapters.Aws;
using A = OrderProcessing.Topology.Storage.OrderItemAttributes;

namespace OrderProcessing.Functions.Adapters.DynamoDb;

/// <summary>
/// <see cref="IOrderRepository"/> on the orders table. Each write is one conditional request, so concurrent or repeated
/// writers never overwrite each other, and the stream sees exactly one image per transition. Reads of one order are
/// strongly consistent (a stage reads right after the write that woke it); listings query the indexes, never scan.
/// A deleted order is a tombstone item (see <see cref="Storage.OrderItemAttributes.Deleted"/>) that reads as no order.
/// </summary>
public sealed class DynamoDbOrderRepository : IOrderRepository, IStuckOrderStore
{
    private readonly IAmazonDynamoDB _client;
    private readonly string _table;
    private readonly CursorCodec _cursors;

    /// <summary>Creates the repository on table <paramref name="tableName"/> (the value of <c>ORDERS_TABLE</c>).</summary>
    public DynamoDbOrderRepository(IAmazonDynamoDB client, string tableName, CursorCodec? cursors = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        _client = client;
        _table = tableName;
        _cursors = cursors ?? CursorCodec.Default;
    }

    /// <inheritdoc />
    public async Task<Order?> GetAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        var response = await AwsErrors.RunAsync(
            $"GetItem {_table}",
            ct => _client.GetItemAsync(new GetItemRequest { TableName = _table, Key = Key(orderId), ConsistentRead = true }, ct),
            cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item && !OrderItemMapper.IsTombstone(item) ? Order.FromSnapshot(OrderItemMapper.ToSnapshot(item)) : null;
    }

    /// <inheritdoc />
    public async Task AddAsync(Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var request = new PutItemRequest
        {
            TableName = _table,
            Item = OrderItemMapper.ToItem(order.ToSnapshot()),
            ConditionExpression = "attribute_not_exists(#id)",
            ExpressionAttributeNames = new() { ["#id"] = A.OrderId },
        };
        try
        {
            await AwsErrors.RunAsync($"PutItem {_table}", ct => _client.PutItemAsync(request, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException e)
        {
            throw new ConcurrencyConflictException($"Order '{order.OrderId}' already exists.", e);
        }
    }

    /// <inheritdoc />
    public async Task UpdateAsync(Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var snapshot = order.ToSnapshot();

        // A transition is stored over the status it left; a write that carries no new event (a same-status rewrite) over
        // the status it keeps.
        var transition = OrderItemMapper.IsTransition(snapshot);
        if ((transition ? order.PreviousStatus : order.Status) is not { } previous)
        {
            // A just-placed order has no previous status: no stored order can match, exactly like a lost race.
            throw new ConcurrencyConflictException($"Order '{order.OrderId}' has no transition to store.");
        }

        // Every attribute is rewritten (UpdateItem, not PutItem: the stage roles may update but not put), and optional
        // attributes the order no longer has are removed, so the stored item always equals the aggregate. That includes
        // the transition marker: set by a transition, removed by any other write, so the stream's pipe forwards only
        // transitions.
        var item = OrderItemMapper.ToItem(snapshot);
        item.Remove(A.OrderId);
        var update = new UpdateExpressionBuilder();
        foreach (var (name, value) in item)
        {
            update.Set(update.Path(name), value);
        }

        foreach (var name in OrderItemMapper.OptionalAttributes.Where(a => !item.ContainsKey(a)))
        {
            update.Remove(update.Path(name));
        }

        update
            .Condition($"{update.Path(A.Version)} = {update.Value(Attr.N(order.Version - 1))}")
            .Condition($"{update.Path(A.Status)} = {update.Value(Attr.S(previous.ToWire()))}");
        var request = update.ToRequest(_table, Key(order.OrderId));
        try
        {
            await AwsErrors.RunAsync($"UpdateItem {_table}", ct => _client.UpdateItemAsync(request, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException e)
        {
            throw new ConcurrencyConflictException($"Order '{order.OrderId}' is no longer at version {order.Version - 1} and status {previous.ToWire()}.", e);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// One conditional PutItem replaces the order by its tombstone (only an order has a <c>version</c>, so a tombstone is
    /// never deleted again); the stream sees a MODIFY whose new image has no status, no event and no transition marker, which the pipe does not forward.
    /// The table's time to live removes the tombstone after <paramref name="tombstoneExpiresAt"/>.
    /// </remarks>
    public async Task DeleteAsync(string orderId, long expectedVersion, DateTimeOffset tombstoneExpiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        var request = new PutItemRequest
        {
            TableName = _table,
            Item = OrderItemMapper.ToTombstone(orderId, tombstoneExpiresAt),
            ConditionExpression = "#version = :expectedVersion",
            ExpressionAttributeNames = new() { ["#version"] = A.Version },
            ExpressionAttributeValues = new() { [":expectedVersion"] = Attr.N(expectedVersion) },
        };
        try
        {
            await AwsErrors.RunAsync($"PutItem {_table}", ct => _client.PutItemAsync(request, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException e)
        {
            throw new ConcurrencyConflictException(string.Create(CultureInfo.InvariantCulture, $"Order '{orderId}' is no longer at version {expectedVersion}."), e);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// One customer's orders come from <c>byCustomer</c>; one status's and all orders from the write-sharded
    /// <c>byStatus</c> and <c>byTime</c>, merged newest first over every shard. Index reads are eventually consistent:
    /// a write shows up in listings a moment later.
    /// </remarks>
    public async Task<Page<Order>> ListAsync(OrderQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        IReadOnlyDictionary<string, string>? position = null;
        if (query.Cursor is not null)
        {
            position = _cursors.Decode(query.Scope, query.Cursor);
            if (!NewestFirstMerge.IsValidPosition(position, OrderIndexKeys.IsCreatedKey))
            {
                throw ValidationException.ForField("cursor", "is not a cursor returned by this listing");
            }
        }

        var merge = query switch
        {
            // Core never asks for both; if it did, the customer's index is read and filtered by status.
            { CustomerId: { } customer } => new NewestFirstMerge(_client, _table, OrderIndexKeys.ByCustomer, [customer], query.Status is { } s ? (A.Status, s.ToWire()) : null),
            { Status: { } status } => new NewestFirstMerge(_client, _table, OrderIndexKeys.ByStatus, Enumerable.Range(0, OrderIndexKeys.ByStatus.WriteShards).Select(s => OrderIndexKeys.StatusShard(status, s)).ToList()),
            _ => new NewestFirstMerge(_client, _table, OrderIndexKeys.ByTime, Enumerable.Range(0, OrderIndexKeys.ByTime.WriteShards).Select(OrderIndexKeys.TimeShard).ToList()),
        };

        var (items, next) = await merge.ReadPageAsync(position, query.Limit, cancellationToken).ConfigureAwait(false);
        return new Page<Order>(
            items.Select(i => Order.FromSnapshot(OrderItemMapper.ToSnapshot(i))).ToList(),
            next is null ? null : _cursors.Encode(query.Scope, next));
    }

    /// <inheritdoc />
    /// <remarks>
    /// One Query per <c>byStatus</c> shard, oldest first, on the sort key (creation time) before the cutoff, since an order
    /// cannot have entered its status before it was created; a filter keeps those whose last transition is before it too.
    /// Each shard stops after <paramref name="limit"/> matches, so a run reads a bounded number of pages.
    /// </remarks>
    public async Task<IReadOnlyList<StuckOrder>> FindStuckAsync(OrderStatus status, DateTimeOffset enteredBefore, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var index = OrderIndexKeys.ByStatus;
        var cutoff = StoredTime.ToText(enteredBefore);
        var found = new List<StuckOrder>();
        for (var shard = 0; shard < index.WriteShards; shard++)
        {
            var matches = 0;
            Dictionary<string, AttributeValue>? start = null;
            do
            {
                var request = new QueryRequest
                {
                    TableName = _table,
                    IndexName = index.Name,
                    KeyConditionExpression = "#shard = :shard AND #created < :cutoff",
                    FilterExpression = "#updated < :cutoff",
                    ExpressionAttributeNames = new() { ["#shard"] = A.StatusShard, ["#created"] = A.CreatedKey, ["#updated"] = A.UpdatedAt },
                    ExpressionAttributeValues = new()
                    {
                        [":shard"] = Attr.S(OrderIndexKeys.StatusShard(status, shard)),
                        [":cutoff"] = Attr.S(cutoff),
                    },
                    ScanIndexForward = true,
                    Limit = limit,
                    ExclusiveStartKey = start,
                };
                var response = await AwsErrors.RunAsync($"Query {_table} {index.Name}", ct => _client.QueryAsync(request, ct), cancellationToken).ConfigureAwait(false);
                foreach (var item in response.Items ?? [])
                {
                    found.Add(ToStuckOrder(item));
                    matches++;
                }

                start = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
            }
            while (start is not null && matches < limit);
        }

        return found.OrderBy(o => o.EnteredAt).ThenBy(o => o.OrderId, StringComparer.Ordinal).Take(limit).ToList();
    }

    /// <inheritdoc />
    /// <remarks>
    /// One UpdateItem that increments <see cref="Storage.OrderItemAttributes.Nudges"/> and sets
    /// <see cref="Storage.OrderItemAttributes.NudgedAt"/>, conditional on the status, the version and the transition marker
    /// naming that status. A write that changed nothing would leave no stream record; this one changes the count, so the
    /// stream carries a MODIFY whose new image still has the marker, and the pipe forwards it as the same transition.
    /// </remarks>
    public async Task<StuckOrder> NudgeAsync(StuckOrder order, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var request = new UpdateItemRequest
        {
            TableName = _table,
            Key = Key(order.OrderId),
            UpdateExpression = "SET #nudges = if_not_exists(#nudges, :zero) + :one, #nudgedAt = :at",
            ConditionExpression = "#version = :version AND #status = :status AND #entered = :status",
            ExpressionAttributeNames = new()
            {
                ["#nudges"] = A.Nudges, ["#nudgedAt"] = A.NudgedAt, ["#version"] = A.Version, ["#status"] = A.Status, ["#entered"] = A.EnteredStatus,
            },
            ExpressionAttributeValues = new()
            {
                [":zero"] = Attr.N(0), [":one"] = Attr.N(1), [":at"] = Attr.S(StoredTime.ToText(at)),
                [":version"] = Attr.N(order.Version), [":status"] = Attr.S(order.Status.ToWire()),
            },
            ReturnValues = ReturnValue.ALL_NEW,
        };
        try
        {
            var response = await AwsErrors.RunAsync($"UpdateItem {_table}", ct => _client.UpdateItemAsync(request, ct), cancellationToken).ConfigureAwait(false);
            return ToStuckOrder(response.Attributes);
        }
        catch (ConditionalCheckFailedException e)
        {
            throw new ConcurrencyConflictException($"Order '{order.OrderId}' is no longer at version {order.Version} and status {order.Status.ToWire()}.", e);
        }
    }

    private static StuckOrder ToStuckOrder(IReadOnlyDictionary<string, AttributeValue> item) => new(
        Attr.GetS(item, A.OrderId),
        OrderStatusNames.Parse(Attr.GetS(item, A.Status)),
        Attr.GetLong(item, A.Version),
        StoredTime.Parse(Attr.GetS(item, A.UpdatedAt)),
        item.ContainsKey(A.Nudges) ? Attr.GetInt(item, A.Nudges) : 0);

    private static Dictionary<string, AttributeValue> Key(string orderId) => new() { [A.OrderId] = Attr.S(orderId) };
}
