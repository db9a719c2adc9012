using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OrderProcessing.Functions.Adapters.Aws;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Functions.Adapters.DynamoDb;

/// <summary>
/// Reads one page newest first from an index whose partition key may be spread over shards: a k-way merge over
/// descending Queries, one stream per shard, querying a shard only when it may hold the next newest item.
/// </summary>
/// <remarks>
/// <para>
/// The sort key (creation time + <c>#</c> + order id) is unique and totally ordered across shards, so the sort key of
/// the last item returned (the <i>boundary</i>) is a complete position: every shard continues with
/// <c>createdKey &lt; boundary</c>. On top of that the position carries, per shard, what the previous page learned:
/// the shard is exhausted (<c>d</c>), or the sort key of its next item (<c>h…</c>, a head seen but not returned). A
/// known head is an upper bound of what the shard can supply, so a shard is queried only once its head is the newest
/// of all, and an exhausted shard never again. A page of one item therefore costs about one Query instead of one per
/// shard; a first page queries every shard, in parallel.
/// </para>
/// <para>
/// Heads make the next page cheaper, never wrong for stored orders: a head whose order was deleted meanwhile is
/// replaced by the shard's real next item when the shard is queried. The one cost is that such a deletion can leave a
/// final page empty. An order written later with a creation time older than the boundary is not listed by the
/// remaining pages, as with any keyset pagination.
/// </para>
/// </remarks>
/// <param name="client">The client.</param>
/// <param name="tableName">The table.</param>
/// <param name="index">The index to query.</param>
/// <param name="partitionValues">One partition key value per shard.</param>
/// <param name="filter">An optional filter (attribute name, string value) applied by DynamoDB after reading.</param>
internal sealed class NewestFirstMerge(IAmazonDynamoDB client, string tableName, IndexSchema index, IReadOnlyList<string> partitionValues, (string Attribute, string Value)? filter = null)
{
    private const int MaxQueryLimit = 1000;
    private const string BoundaryKey = "k";
    private const string ShardCountKey = "n";
    private const string DoneMark = "d";
    private const string HeadMark = "h";

    /// <summary>
    /// Up to <paramref name="limit"/> items after <paramref name="position"/> (null: from the newest), newest first, and the
    /// position of the next page (null when nothing follows).
    /// </summary>
    public async Task<(List<Dictionary<string, AttributeValue>> Items, Dictionary<string, string>? Next)> ReadPageAsync(IReadOnlyDictionary<string, string>? position, int limit, CancellationToken cancellationToken)
    {
        var before = position?[BoundaryKey];
        var shards = partitionValues.Select((value, i) => Shard.From(value, ShardState(position, i))).ToList();
        var items = new List<Dictionary<string, AttributeValue>>(limit);
        while (items.Count < limit)
        {
            var newest = await NewestAsync(shards, before, limit - items.Count, cancellationToken).ConfigureAwait(false);
            if (newest is null)
            {
                break;
            }

            items.Add(newest.Buffer.Dequeue());
        }

        if (items.Count < limit)
        {
            return (items, null);
        }

        // Is there more? Every shard must be known to be exhausted or to have a next item; a shard whose fetched items
        // were all returned and that may hold more is asked now, which also puts its head into the next position.
        await ResolveUnknownAsync(shards, before, 1, cancellationToken).ConfigureAwait(false);
        if (!shards.Any(s => s.Key is not null))
        {
            return (items, null);
        }

        var next = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [BoundaryKey] = SortKey(items[^1]),
            [ShardCountKey] = shards.Count.ToString(CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < shards.Count; i++)
        {
            next["s" + i.ToString(CultureInfo.InvariantCulture)] = shards[i].Key is { } head ? HeadMark + head : DoneMark;
        }

        return (items, next);
    }

    /// <summary>True when <paramref name="position"/> has the shape <see cref="ReadPageAsync"/> produces (cursors are signed, but old deployments may have made them).</summary>
    public static bool IsValidPosition(IReadOnlyDictionary<string, string> position, Func<string, bool> isSortKey)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (!position.TryGetValue(BoundaryKey, out var boundary) || !isSortKey(boundary))
        {
            return false;
        }

        foreach (var (key, value) in position)
        {
            var valid = key switch
            {
                BoundaryKey => true,
                ShardCountKey => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0,
                _ when key.StartsWith('s') && int.TryParse(key.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out _) =>
                    value == DoneMark || (value.StartsWith(HeadMark, StringComparison.Ordinal) && isSortKey(value[HeadMark.Length..]) && string.CompareOrdinal(value[HeadMark.Length..], boundary) < 0),
                _ => false,
            };
            if (!valid)
            {
                return false;
            }
        }

        return true;
    }

    // What the position says about shard i, if it was made for the same number of shards (else: nothing).
    private string? ShardState(IReadOnlyDictionary<string, string>? position, int i) =>
        position is not null
        && position.TryGetValue(ShardCountKey, out var n) && n == partitionValues.Count.ToString(CultureInfo.InvariantCulture)
        && position.TryGetValue("s" + i.ToString(CultureInfo.InvariantCulture), out var state)
            ? state
            : null;

    // The shard whose next item is the newest of all, with that item buffered; null when every shard is exhausted.
    private async Task<Shard?> NewestAsync(List<Shard> shards, string? before, int wanted, CancellationToken cancellationToken)
    {
        while (true)
        {
            await ResolveUnknownAsync(shards, before, wanted, cancellationToken).ConfigureAwait(false);
            Shard? newest = null;
            foreach (var shard in shards)
            {
                if (shard.Key is { } key && (newest is null || string.CompareOrdinal(key, newest.Key) > 0))
                {
                    newest = shard;
                }
            }

            if (newest is null || newest.Buffer.Count > 0)
            {
                return newest;
            }

            // Its head from the previous page is newest, but only a Query gives the item itself (or shows it is gone).
            await FillAsync(newest, before, FairShare(shards, wanted), cancellationToken).ConfigureAwait(false);
        }
    }

    // Queries, in parallel, every shard that may hold items but has none buffered and no known head.
    private async Task ResolveUnknownAsync(List<Shard> shards, string? before, int wanted, CancellationToken cancellationToken)
    {
        for (var unknown = Unknown(shards); unknown.Count > 0; unknown = Unknown(shards))
        {
            var batch = FairShare(shards, wanted);
            await Task.WhenAll(unknown.Select(s => FillAsync(s, before, batch, cancellationToken))).ConfigureAwait(false);
        }
    }

    private static List<Shard> Unknown(List<Shard> shards) => shards.Where(s => s.Key is null && !s.Exhausted).ToList();

    // Shards hold about equal shares (order ids hash evenly): ask each for its share of what is still wanted, plus one.
    private static int FairShare(List<Shard> shards, int wanted)
    {
        var active = Math.Max(1, shards.Count(s => !s.Exhausted));
        return Math.Clamp(((wanted + active - 1) / active) + 1, 1, MaxQueryLimit);
    }

    private string SortKey(Dictionary<string, AttributeValue> item) => Attr.GetS(item, index.SortKey.Name);

    private async Task FillAsync(Shard shard, string? before, int batch, CancellationToken cancellationToken)
    {
        var request = new QueryRequest
        {
            TableName = tableName,
            IndexName = index.Name,
            KeyConditionExpression = before is null ? "#pk = :pk" : "#pk = :pk AND #sk < :before",
            ExpressionAttributeNames = new() { ["#pk"] = index.PartitionKey.Name },
            ExpressionAttributeValues = new() { [":pk"] = Attr.S(shard.PartitionValue) },
            ScanIndexForward = false,
            Limit = batch,
            ExclusiveStartKey = shard.NextStart,
        };
        if (before is not null)
        {
            request.ExpressionAttributeNames["#sk"] = index.SortKey.Name;
            request.ExpressionAttributeValues[":before"] = Attr.S(before);
        }

        if (filter is { } f)
        {
            request.FilterExpression = "#filter = :filter";
            request.ExpressionAttributeNames["#filter"] = f.Attribute;
            request.ExpressionAttributeValues[":filter"] = Attr.S(f.Value);
        }

        var response = await AwsErrors.RunAsync($"Query {tableName}/{index.Name}", ct => client.QueryAsync(request, ct), cancellationToken).ConfigureAwait(false);
        foreach (var item in response.Items ?? [])
        {
            shard.Buffer.Enqueue(item);
        }

        shard.Queried(response.LastEvaluatedKey is { Count: > 0 } next ? next : null, SortKey);
    }

    private sealed class Shard(string partitionValue)
    {
        private Func<Dictionary<string, AttributeValue>, string>? _sortKey;

        public string PartitionValue { get; } = partitionValue;

        public Queue<Dictionary<string, AttributeValue>> Buffer { get; } = new();

        /// <summary>Where the next Query continues within this page (DynamoDB's LastEvaluatedKey).</summary>
        public Dictionary<string, AttributeValue>? NextStart { get; private set; }

        /// <summary>The head learned from the previous page, until this page queries the shard.</summary>
        public string? Hint { get; private set; }

        /// <summary>True when the position said the shard has nothing left.</summary>
        public bool DoneBefore { get; private init; }

        /// <summary>True once a Query reported nothing beyond what it returned.</summary>
        public bool Complete { get; private set; }

        /// <summary>True when the shard has nothing left to give: no buffered item and nothing more to read.</summary>
        public bool Exhausted => Buffer.Count == 0 && (DoneBefore || Complete);

        /// <summary>The sort key of the shard's next item: buffered, or known from the previous page; null if unknown or exhausted.</summary>
        public string? Key => Buffer.Count > 0 ? _sortKey!(Buffer.Peek()) : Hint;

        public static Shard From(string partitionValue, string? state) => new(partitionValue)
        {
            DoneBefore = state == DoneMark,
            Hint = state is not null && state.StartsWith(HeadMark, StringComparison.Ordinal) ? state[HeadMark.Length..] : null,
        };

        public void Queried(Dictionary<string, AttributeValue>? nextStart, Func<Dictionary<string, AttributeValue>, string> sortKey)
        {
            _sortKey = sortKey;
            Hint = null;
            NextStart = nextStart;
            Complete = nextStart is null;
        }
    }
}
