using Microsoft.Extensions.Logging;
using OrderProcessing.Core.Notifications;

namespace OrderProcessing.Local.Notifications;

/// <summary>Writes each notification to the console log, so the customer's side of the story shows beside the pipeline's.</summary>
public sealed partial class LoggingNotificationSink(ILogger<LoggingNotificationSink> logger) : INotificationSink
{
    /// <inheritdoc />
    public Task SendAsync(CustomerNotification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        LogNotification(logger, notification.EventType, notification.To, notification.Subject, notification.Body);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {EventType} to {To}: {Subject}. {Body}")]
    private static partial void LogNotification(ILogger logger, string eventType, string to, string subject, string body);
}
