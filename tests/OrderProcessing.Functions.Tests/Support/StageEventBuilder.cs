using System.Text.Json;
using OrderProcessing.Core.Orders;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.Sqs;
using OrderProcessing.Transport.Events;

namespace OrderProcessing.Functions.Tests.Support;

/// <summary>
/// Builds SQS events for stage functions through the in-process transport's factories: each message body is the order
/// event envelope of a transition, as the order-events topic delivers it raw to a stage queue. Plays the part of
/// Streams, the pipe, the topic and SQS in tests.
/// </summary>
internal sealed class StageEventBuilder
{
    private const string Queue = "orderprocessing-test-stage";
    private static readonly DateTimeOffset SentAt = new(2024, 3, 12, 18, 30, 41, TimeSpan.Zero);
    private static long _sequence;
    private readonly List<SqsMessage> _messages = [];

    /// <summary>Adds a message whose envelope says <paramref name="orderId"/> entered <paramref name="status"/> (from <paramref name="previous"/>, or placed when null).</summary>
    public StageEventBuilder Record(string orderId, OrderStatus status, OrderStatus? previous = null, string? messageId = null, int receiveCount = 1)
    {
        var type = previous is { } p && OrderTransitions.IsAllowed(p, status) ? OrderTransitions.EventFor(p, status)
            : previous is null && status == OrderStatus.Pending ? OrderEventTypes.Created
            : OrderEventTypes.Updated;
        var orderEvent = new OrderEvent(type, orderId, status, previous, previous is null ? 1 : 2, SentAt, "test");
        var envelope = OrderEventEnvelopes.Of(orderEvent, Interlocked.Increment(ref _sequence));
        _messages.AddRange(SqsEventFactory.ForEnvelope(envelope, Queue, SentAt, messageId, receiveCount).Records!.Select(m => m!));
        return this;
    }

    /// <summary>Adds a message with any body (a poison message, for instance).</summary>
    public StageEventBuilder Raw(string body, string? messageId = null, int receiveCount = 1)
    {
        _messages.AddRange(SqsEventFactory.ForBody(body, Queue, SentAt, messageId, receiveCount).Records!.Select(m => m!));
        return this;
    }

    public IReadOnlyList<string> MessageIds => _messages.Select(m => m.MessageId!).ToList();

    public string Build() => JsonSerializer.Serialize(new SqsEvent { Records = _messages }, AwsEventJsonContext.Default.SqsEvent);
}
