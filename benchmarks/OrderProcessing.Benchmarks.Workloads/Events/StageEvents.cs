using System.Text.Json;
using OrderProcessing.Core.Orders;
using OrderProcessing.Topology.Events;
using OrderProcessing.Transport.ChangeFeed;
using OrderProcessing.Transport.Events;

namespace OrderProcessing.Benchmarks.Events;

/// <summary>
/// SQS events of stage queues as Lambda's event source mapping delivers them, built by the in-process transport: each
/// body is the order event envelope of the transition (what the orders stream's pipe publishes to the order-events
/// topic), delivered raw.
/// </summary>
public static class StageEvents
{
    private static readonly DateTimeOffset At = new(2024, 3, 12, 18, 30, 41, 123, TimeSpan.Zero);
    private static long _sequence;

    /// <summary>An SQS event of one message: <paramref name="order"/> has just entered its status from <paramref name="previous"/>.</summary>
    public static byte[] ForTransition(Order order, OrderStatus? previous, string queueName)
    {
        ArgumentNullException.ThrowIfNull(order);
        var snapshot = order.ToSnapshot();
        var old = previous is { } p ? snapshot with { Status = p, Version = snapshot.Version - 1 } : null;
        var change = new OrderChange(previous is null ? OrderChangeKind.Insert : OrderChangeKind.Modify, order.OrderId, old, snapshot, Interlocked.Increment(ref _sequence), At);
        var envelope = OrderEventEnvelopes.ForChange(change) ?? throw new ArgumentException($"Order '{order.OrderId}' carries no new event: not a transition.", nameof(order));
        return JsonSerializer.SerializeToUtf8Bytes(SqsEventFactory.ForEnvelope(envelope, queueName, At), AwsEventJsonContext.Default.SqsEvent);
    }
}
