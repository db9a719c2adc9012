using OrderProcessing.Core.Notifications;

namespace OrderProcessing.Core.InMemory;

/// <summary>Keeps every notification sent, for tests and inspection.</summary>
public sealed class InMemoryNotificationSink : INotificationSink
{
    private readonly List<CustomerNotification> _sent = [];
    private readonly Lock _gate = new();

    /// <summary>Notifications sent so far, oldest first.</summary>
    public IReadOnlyList<CustomerNotification> Sent
    {
        get
        {
            lock (_gate)
            {
                return _sent.ToList();
            }
        }
    }

    /// <inheritdoc />
    public Task SendAsync(CustomerNotification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        lock (_gate)
        {
            _sent.Add(notification);
        }

        return Task.CompletedTask;
    }
}
