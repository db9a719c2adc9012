using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Idempotency;
using OrderProcessing.Core.Retries;
using OrderProcessing.Functions.Adapters.Aws;
using I = OrderProcessing.Topology.Storage.IdempotencyItemAttributes;

namespace OrderProcessing.Functions.Adapters.DynamoDb;

/// <summary>
/// <see cref="IIdempotencyStore"/> on the idempotency table. A claim is one conditional PutItem that succeeds when the
/// key is free or its record has expired; records carry the table's time-to-live attribute so DynamoDB deletes them
/// eventually, but the claim does not wait for that (TTL deletion can lag by hours).
/// </summary>
public sealed class DynamoDbIdempotencyStore : IIdempotencyStore
{
    private const int MaxAttempts = 5;
    private readonly IAmazonDynamoDB _client;
    private readonly string _table;
    private readonly TimeProvider _clock;

    // A claim that lost to a concurrent claim, delete or expiry reads again and decides again, at once.
    private readonly ContentionRetry _conflicts;

    /// <summary>Creates the store on table <paramref name="tableName"/> (the value of <c>IDEMPOTENCY_TABLE</c>).</summary>
    public DynamoDbIdempotencyStore(IAmazonDynamoDB client, string tableName, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        ArgumentNullException.ThrowIfNull(clock);
        _client = client;
        _table = tableName;
        _clock = clock;
        _conflicts = new ContentionRetry(MaxAttempts, clock);
    }

    /// <inheritdoc />
    public async Task<IdempotencyRecord?> TryClaimAsync(IdempotencyRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [I.IdempotencyKey] = Attr.S(record.Key),
            [I.RequestFingerprint] = Attr.S(record.RequestFingerprint),
            [I.OrderId] = Attr.S(record.OrderId),
            [I.CreatedAt] = Attr.S(StoredTime.ToText(record.CreatedAt)),
            [I.ExpiresAt] = Attr.N(StoredTime.ToEpochSecondsCeiling(record.ExpiresAt)),
            [I.ExpiresAtUtc] = Attr.S(StoredTime.ToText(record.ExpiresAt)),
        };
        return await _conflicts.RunAsync(
            async ct =>
            {
                var request = new PutItemRequest
                {
                    TableName = _table,
                    Item = item,

                    // Expired means "expiry at or before now", as in the in-memory store; fixed-width UTC text compares as time.
                    ConditionExpression = "attribute_not_exists(#key) OR #expires <= :now",
                    ExpressionAttributeNames = new() { ["#key"] = I.IdempotencyKey, ["#expires"] = I.ExpiresAtUtc },
                    ExpressionAttributeValues = new() { [":now"] = Attr.S(StoredTime.ToText(_clock.GetUtcNow())) },
                };
                try
                {
                    await AwsErrors.RunAsync($"PutItem {_table}", c => _client.PutItemAsync(request, c), ct).ConfigureAwait(false);
                    return Attempt<IdempotencyRecord?>.Done(null);
                }
                catch (ConditionalCheckFailedException)
                {
                    // Deleted or expired between the write and the read: claim again.
                    var existing = await GetAsync(record.Key, ct).ConfigureAwait(false);
                    return existing is not null && existing.ExpiresAt > _clock.GetUtcNow() ? Attempt<IdempotencyRecord?>.Done(existing) : Attempt<IdempotencyRecord?>.Again;
                }
            },
            () => new TransientFailureException($"Claiming idempotency key '{record.Key}' kept conflicting with concurrent claims."),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<IdempotencyRecord?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var request = new GetItemRequest { TableName = _table, Key = new() { [I.IdempotencyKey] = Attr.S(key) }, ConsistentRead = true };
        var response = await AwsErrors.RunAsync($"GetItem {_table}", ct => _client.GetItemAsync(request, ct), cancellationToken).ConfigureAwait(false);
        if (response.Item is not { Count: > 0 } item)
        {
            return null;
        }

        return new IdempotencyRecord(
            Attr.GetS(item, I.IdempotencyKey),
            Attr.GetS(item, I.RequestFingerprint),
            Attr.GetS(item, I.OrderId),
            StoredTime.Parse(Attr.GetS(item, I.CreatedAt)),
            StoredTime.Parse(Attr.GetS(item, I.ExpiresAtUtc)));
    }
}
