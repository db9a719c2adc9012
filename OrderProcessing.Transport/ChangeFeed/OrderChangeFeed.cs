using Microsoft.Extensions.Logging;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Transport.ChangeFeed;

/// <summary>
/// The in-process stand-in for the orders table's stream: numbers each change and hands it to every subscriber, in the
/// order they subscribed. Writers reach it through <see cref="ChangeFeedOrderRepository"/>; several decorated
/// repositories (one per function, as in AWS) share one feed.
/// </summary>
public sealed partial class OrderChangeFeed(TimeProvider clock, ILogger<OrderChangeFeed> logger)
{
    private IOrderChangeSubscriber[] _subscribers = [];
    private long _sequence;

    /// <summary>Changes raised so far.</summary>
    public long Count => Interlocked.Read(ref _sequence);

    /// <summary>Adds a subscriber; it sees every change raised from now on.</summary>
    public void Subscribe(IOrderChangeSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        IOrderChangeSubscriber[] current, updated;
        do
        {
            current = Volatile.Read(ref _subscribers);
            updated = [.. current, subscriber];
        }
        while (Interlocked.CompareExchange(ref _subscribers, updated, current) != current);
    }

    /// <summary>Raises the change of one successful write. Never throws: the write it reports is already stored.</summary>
    public OrderChange Raise(OrderChangeKind kind, string orderId, OrderSnapshot? oldImage, OrderSnapshot? newImage)
    {
        var change = new OrderChange(kind, orderId, oldImage, newImage, Interlocked.Increment(ref _sequence), clock.GetUtcNow());
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try
            {
                subscriber.OnChange(change);
            }
            catch (Exception e)
            {
                // Failing the caller now would make it retry a write that succeeded. Say it loudly instead.
                LogSubscriberFailed(logger, e, subscriber.GetType().Name, orderId, change.SequenceNumber);
            }
        }

        return change;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Change feed: {Subscriber} failed to take change {Sequence} of order {OrderId}")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception, string subscriber, string orderId, long sequence);
}
