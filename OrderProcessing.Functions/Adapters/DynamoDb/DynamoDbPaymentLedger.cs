using System.Collections.Frozen;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OrderProcessing.Core.Payments;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Core.Retries;
using OrderProcessing.Functions.Adapters.Aws;
using PA = OrderProcessing.Topology.Storage.PaymentItemAttributes;

namespace OrderProcessing.Functions.Adapters.DynamoDb;

/// <summary>
/// <see cref="IPaymentLedger"/> on the payments table, one item per order: an atomic attempt counter, the first
/// completed outcome (a conditional write, so a redelivered charge gets the first outcome back) and the refund mark.
/// </summary>
public sealed class DynamoDbPaymentLedger : IPaymentLedger
{
    private const int MaxAttempts = 5;

    private static readonly FrozenDictionary<PaymentStatus, string> StatusNames = new Dictionary<PaymentStatus, string>
    {
        [PaymentStatus.Captured] = "CAPTURED",
        [PaymentStatus.Declined] = "DECLINED",
        [PaymentStatus.Refunded] = "REFUNDED",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, PaymentStatus> StatusByName = StatusNames.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    private readonly IAmazonDynamoDB _client;
    private readonly string _table;

    // A lost race reads the stored outcome at once: no wait, so no clock to take.
    private readonly ContentionRetry _conflicts = new(MaxAttempts, TimeProvider.System);

    /// <summary>Creates the ledger on table <paramref name="tableName"/> (the value of <c>PAYMENTS_TABLE</c>).</summary>
    public DynamoDbPaymentLedger(IAmazonDynamoDB client, string tableName)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        _client = client;
        _table = tableName;
    }

    /// <inheritdoc />
    public async Task<PaymentRecord?> GetAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        var response = await AwsErrors.RunAsync(
            $"GetItem {_table}",
            ct => _client.GetItemAsync(new GetItemRequest { TableName = _table, Key = Key(orderId), ConsistentRead = true }, ct),
            cancellationToken).ConfigureAwait(false);

        // An item with only an attempt count has no completed outcome yet.
        return response.Item is { Count: > 0 } item && item.ContainsKey(PA.Status) ? FromItem(item) : null;
    }

    /// <inheritdoc />
    public async Task<int> CountAttemptAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        var request = new UpdateItemRequest
        {
            TableName = _table,
            Key = Key(orderId),
            UpdateExpression = "ADD #attempts :one",
            ExpressionAttributeNames = new() { ["#attempts"] = PA.Attempts },
            ExpressionAttributeValues = new() { [":one"] = Attr.N(1) },
            ReturnValues = ReturnValue.UPDATED_NEW,
        };
        var response = await AwsErrors.RunAsync($"UpdateItem {_table}", ct => _client.UpdateItemAsync(request, ct), cancellationToken).ConfigureAwait(false);
        return Attr.GetInt(response.Attributes, PA.Attempts);
    }

    /// <inheritdoc />
    public Task<PaymentRecord> RecordAsync(PaymentRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var update = new UpdateExpressionBuilder();
        update
            .Set(update.Path(PA.PaymentId), Attr.S(record.PaymentId))
            .Set(update.Path(PA.Amount), Attr.N(record.Amount.Amount))
            .Set(update.Path(PA.Currency), Attr.S(record.Amount.Currency.Code))
            .Set(update.Path(PA.Status), Attr.S(StatusNames[record.Status]))
            .Set(update.Path(PA.Reason), Attr.S(record.Reason))
            .Set(update.Path(PA.At), Attr.S(StoredTime.ToText(record.At)))
            .Condition($"attribute_not_exists({update.Path(PA.Status)})");
        if (record.RefundedAt is { } refundedAt)
        {
            update.Set(update.Path(PA.RefundedAt), Attr.S(StoredTime.ToText(refundedAt)));
        }

        // UpdateItem rather than PutItem: the item may already hold the attempt counter, which must survive. A lost race
        // returns the outcome stored first; an item that is neither writable nor readable is tried again.
        var request = update.ToRequest(_table, Key(record.OrderId));
        return _conflicts.RunAsync(
            async ct =>
            {
                try
                {
                    await AwsErrors.RunAsync($"UpdateItem {_table}", c => _client.UpdateItemAsync(request, c), ct).ConfigureAwait(false);
                    return Attempt<PaymentRecord>.Done(record);
                }
                catch (ConditionalCheckFailedException)
                {
                    return await GetAsync(record.OrderId, ct).ConfigureAwait(false) is { } stored ? Attempt<PaymentRecord>.Done(stored) : Attempt<PaymentRecord>.Again;
                }
            },
            () => new InvalidOperationException($"The payment of order '{record.OrderId}' is neither storable nor readable."),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> MarkRefundedAsync(string orderId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        var request = new UpdateItemRequest
        {
            TableName = _table,
            Key = Key(orderId),
            UpdateExpression = "SET #status = :refunded, #refundedAt = :at",
            ConditionExpression = "#status = :captured",
            ExpressionAttributeNames = new() { ["#status"] = PA.Status, ["#refundedAt"] = PA.RefundedAt },
            ExpressionAttributeValues = new()
            {
                [":refunded"] = Attr.S(StatusNames[PaymentStatus.Refunded]),
                [":captured"] = Attr.S(StatusNames[PaymentStatus.Captured]),
                [":at"] = Attr.S(StoredTime.ToText(at)),
            },
        };
        try
        {
            await AwsErrors.RunAsync($"UpdateItem {_table}", ct => _client.UpdateItemAsync(request, ct), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private static PaymentRecord FromItem(Dictionary<string, AttributeValue> item)
    {
        var code = Attr.GetS(item, PA.Currency);
        var currency = Currency.TryFrom(code, out var c) ? c : throw new FormatException($"The stored payment has an unsupported currency '{code}'.");
        var statusName = Attr.GetS(item, PA.Status);
        var status = StatusByName.TryGetValue(statusName, out var s) ? s : throw new FormatException($"'{statusName}' is not a payment status.");
        var refundedAt = Attr.GetOptionalS(item, PA.RefundedAt);
        return new PaymentRecord(
            Attr.GetS(item, PA.OrderId),
            Attr.GetS(item, PA.PaymentId),
            new Money(Attr.GetDecimal(item, PA.Amount), currency),
            status,
            Attr.GetS(item, PA.Reason),
            StoredTime.Parse(Attr.GetS(item, PA.At)),
            refundedAt is null ? null : StoredTime.Parse(refundedAt));
    }

    private static Dictionary<string, AttributeValue> Key(string orderId) => new() { [PA.OrderId] = Attr.S(orderId) };
}
