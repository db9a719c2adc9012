using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderProcessing.Core.Notifications;
using OrderProcessing.Core.Orders;
using OrderProcessing.Transport.ChangeFeed;

namespace OrderProcessing.Local.Notifications;

/// <summary>
/// The local stand-in for the pipe that publishes each order's emitted event: every insert or modify of an order is
/// composed by <see cref="NotificationComposer"/> and sent to every sink, off the writer's thread. Stopping sends what
/// is still buffered before returning.
/// </summary>
public sealed partial class NotificationForwarder(
    IReadOnlyList<INotificationSink> sinks,
    ILogger<NotificationForwarder> logger) : IOrderChangeSubscriber, IHostedService
{
    private readonly Channel<OrderChange> _changes = Channel.CreateUnbounded<OrderChange>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _pump;

    /// <inheritdoc />
    public void OnChange(OrderChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.NewImage is not null && !_changes.Writer.TryWrite(change))
        {
            LogDroppedAfterStop(logger, change.OrderId, change.NewImage.LastEvent.Type);
        }
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _pump = Task.Run(PumpAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _changes.Writer.TryComplete();
        if (_pump is not null)
        {
            await _pump.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PumpAsync()
    {
        await foreach (var change in _changes.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var notification = NotificationComposer.Compose(Order.FromSnapshot(change.NewImage!));
            foreach (var sink in sinks)
            {
                try
                {
                    await sink.SendAsync(notification).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    // One broken sink (a full disk) must not stop the others or the pipeline.
                    LogSinkFailed(logger, e, sink.GetType().Name, notification.EventType, notification.OrderId);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification sink {Sink} failed to send {EventType} of order {OrderId}")]
    private static partial void LogSinkFailed(ILogger logger, Exception exception, string sink, string eventType, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {EventType} of order {OrderId} not sent: the host is stopping")]
    private static partial void LogDroppedAfterStop(ILogger logger, string orderId, string eventType);
}
