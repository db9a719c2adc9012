using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OrderProcessing.Core.Notifications;
using OrderProcessing.Functions.Adapters.Aws;
using I = OrderProcessing.Topology.Storage.IdempotencyItemAttributes;

namespace OrderProcessing.Functions.Adapters.DynamoDb;

/// <summary>
/// <see cref="ICustomerMailLedger"/> on the idempotency table, one item per (order, e-mail). A claim is a conditional
/// PutItem that succeeds when no item exists, or when an unsent claim's lease has ended; a sent record is kept
/// <see cref="SentRetention"/>, longer than SQS keeps any message, so no redelivery can outlive it.
/// </summary>
public sealed class DynamoDbCustomerMailLedger : ICustomerMailLedger
{
    /// <summary>How long a sent record is kept: 30 days, over SQS's 14-day maximum retention.</summary>
    public static readonly TimeSpan SentRetention = TimeSpan.FromDays(30);

    // A key the API's Idempotency-Key values (printable characters only) can never be: the unit separator.
    private const string KeyPrefix = "customer-mail\u001F";

    private readonly IAmazonDynamoDB _client;
    private readonly string _table;
    private readonly TimeProvider _clock;

    /// <summary>Creates the ledger on table <paramref name="tableName"/> (the value of <c>IDEMPOTENCY_TABLE</c>).</summary>
    public DynamoDbCustomerMailLedger(IAmazonDynamoDB client, string tableName, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        ArgumentNullException.ThrowIfNull(clock);
        _client = client;
        _table = tableName;
        _clock = clock;
    }

    /// <summary>The item key of (<paramref name="orderId"/>, <paramref name="kind"/>).</summary>
    public static string KeyOf(string orderId, CustomerMailKind kind) => $"{KeyPrefix}{orderId}\u001F{kind}";

    /// <inheritdoc />
    public async Task<MailClaimResult> TryClaimAsync(string orderId, CustomerMailKind kind, string claimId, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(orderId, kind);
        var request = new PutItemRequest
        {
            TableName = _table,
            Item = Item(key, claimId, leaseUntil, null),
            ConditionExpression = "attribute_not_exists(#key) OR (attribute_not_exists(#sent) AND #lease <= :now)",
            ExpressionAttributeNames = new() { ["#key"] = I.IdempotencyKey, ["#sent"] = I.MailMessageId, ["#lease"] = I.MailLeaseUntilUtc },
            ExpressionAttributeValues = new() { [":now"] = Attr.S(StoredTime.ToText(_clock.GetUtcNow())) },
        };
        try
        {
            await AwsErrors.RunAsync($"PutItem {_table}", c => _client.PutItemAsync(request, c), cancellationToken).ConfigureAwait(false);
            return MailClaimResult.Claimed;
        }
        catch (ConditionalCheckFailedException)
        {
            var get = new GetItemRequest { TableName = _table, Key = new() { [I.IdempotencyKey] = Attr.S(key) }, ConsistentRead = true };
            var response = await AwsErrors.RunAsync($"GetItem {_table}", c => _client.GetItemAsync(get, c), cancellationToken).ConfigureAwait(false);

            // Gone between the write and the read (released): another delivery is about to claim it; let that one send.
            return response.Item is { Count: > 0 } item && item.ContainsKey(I.MailMessageId) ? MailClaimResult.AlreadySent : MailClaimResult.HeldByAnother;
        }
    }

    /// <inheritdoc />
    public Task MarkSentAsync(string orderId, CustomerMailKind kind, string claimId, string messageId, CancellationToken cancellationToken = default)
    {
        // Unconditional: the e-mail did go out, so the record must say so even if a lease ran out meanwhile.
        var request = new PutItemRequest { TableName = _table, Item = Item(KeyOf(orderId, kind), claimId, _clock.GetUtcNow(), messageId) };
        return AwsErrors.RunAsync($"PutItem {_table}", c => _client.PutItemAsync(request, c), cancellationToken);
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(string orderId, CustomerMailKind kind, string claimId, CancellationToken cancellationToken = default)
    {
        var request = new DeleteItemRequest
        {
            TableName = _table,
            Key = new() { [I.IdempotencyKey] = Attr.S(KeyOf(orderId, kind)) },
            ConditionExpression = "#claim = :claim AND attribute_not_exists(#sent)",
            ExpressionAttributeNames = new() { ["#claim"] = I.MailClaimId, ["#sent"] = I.MailMessageId },
            ExpressionAttributeValues = new() { [":claim"] = Attr.S(claimId) },
        };
        try
        {
            await AwsErrors.RunAsync($"DeleteItem {_table}", c => _client.DeleteItemAsync(request, c), cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            // Taken over or sent since: not ours to release.
        }
    }

    private Dictionary<string, AttributeValue> Item(string key, string claimId, DateTimeOffset leaseUntil, string? messageId)
    {
        var expires = _clock.GetUtcNow() + SentRetention;
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [I.IdempotencyKey] = Attr.S(key),
            [I.MailClaimId] = Attr.S(claimId),
            [I.MailLeaseUntilUtc] = Attr.S(StoredTime.ToText(leaseUntil)),
            [I.ExpiresAt] = Attr.N(StoredTime.ToEpochSecondsCeiling(expires)),
            [I.ExpiresAtUtc] = Attr.S(StoredTime.ToText(expires)),
        };
        if (messageId is not null)
        {
            item[I.MailMessageId] = Attr.S(messageId);
        }

        return item;
    }
}
