namespace OrderProcessing.Core.Notifications;

/// <summary>A message to the customer about their order.</summary>
public sealed record CustomerNotification(string EventType, string OrderId, string To, string Subject, string Body, DateTimeOffset At);
