using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OrderProcessing.Topology.Events.Orders;
using OrderProcessing.Topology.Events.Sqs;
using OrderProcessing.Transport.Delivery;
using OrderProcessing.Transport.Queues;

namespace OrderProcessing.Transport.Events;

/// <summary>
/// Builds the SQS event Lambda's event source mapping hands a stage function (<c>{"Records":[...]}</c>) as the typed
/// <see cref="SqsEvent"/>, with the attributes a consumer may read: receive count, sent and first-receive timestamps,
/// body MD5, queue ARN and region.
/// </summary>
public static class SqsEventFactory
{
    /// <summary>The event for <paramref name="batch"/> from the queue named <paramref name="queueName"/>.</summary>
    public static SqsEvent Create(IReadOnlyList<ReceivedMessage> batch, string queueName, DispatcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(options);
        var arn = $"arn:aws:sqs:{options.Region}:{options.AccountId}:{queueName}";
        return new SqsEvent { Records = batch.Select(m => Message(m, arn, options.Region)).ToList() };
    }

    /// <summary>
    /// The event of one message carrying <paramref name="envelope"/> as its body, as the order-events topic delivers it raw
    /// to a stage queue: what tests and benchmarks hand a stage function directly.
    /// </summary>
    public static SqsEvent ForEnvelope(OrderEventEnvelope envelope, string queueName, DateTimeOffset sentAt, string? messageId = null, int receiveCount = 1, DispatcherOptions? options = null) =>
        ForBody(OrderEventEnvelopes.ToJson(envelope), queueName, sentAt, messageId, receiveCount, options);

    /// <summary>
    /// The event of one message carrying <paramref name="body"/> (normally an envelope's JSON; any text for a poison message), sent and first received at
    /// <paramref name="sentAt"/>: what tests and benchmarks hand a stage function directly.
    /// </summary>
    public static SqsEvent ForBody(string body, string queueName, DateTimeOffset sentAt, string? messageId = null, int receiveCount = 1, DispatcherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var id = messageId ?? Guid.NewGuid().ToString();
        return Create([new ReceivedMessage(id, "AQEB" + Guid.NewGuid().ToString("N"), body, receiveCount, sentAt, sentAt)], queueName, options ?? new DispatcherOptions());
    }

    private static SqsMessage Message(ReceivedMessage m, string arn, string region) => new()
    {
        MessageId = m.MessageId,
        ReceiptHandle = m.ReceiptHandle,
        Body = m.Body,
        Attributes = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ApproximateReceiveCount"] = m.ReceiveCount.ToString(CultureInfo.InvariantCulture),
            ["SentTimestamp"] = m.SentAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["SenderId"] = "local-pipe",
            ["ApproximateFirstReceiveTimestamp"] = m.FirstReceivedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        },
        MessageAttributes = new Dictionary<string, SqsMessageAttribute?>(StringComparer.Ordinal),
        Md5OfBody = Md5Hex(m.Body),
        EventSource = "aws:sqs",
        EventSourceArn = arn,
        AwsRegion = region,
    };

    // SQS's integrity checksum of the body, not a security measure.
#pragma warning disable CA5351
    private static string Md5Hex(string body) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body)));
#pragma warning restore CA5351
}
