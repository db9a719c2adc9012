using OrderProcessing.Infra.Plan.Notifications;
using Pulumi;

namespace OrderProcessing.Infra.Components;

/// <summary>Arguments of <see cref="Notifications"/>.</summary>
public sealed class NotificationsArgs
{
    /// <summary>The topics and the stream pipe.</summary>
    public required NotificationsPlan Notifications { get; init; }

    /// <summary>The orders table's stream, the pipe's source.</summary>
    public required Output<string> OrdersStreamArn { get; init; }
}
