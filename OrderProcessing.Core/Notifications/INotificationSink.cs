namespace OrderProcessing.Core.Notifications;

/// <summary>Where customer notifications go (console and file locally; the <c>order-events</c> topic in AWS).</summary>
public interface INotificationSink
{
    /// <summary>Delivers one notification.</summary>
    Task SendAsync(CustomerNotification notification, CancellationToken cancellationToken = default);
}
