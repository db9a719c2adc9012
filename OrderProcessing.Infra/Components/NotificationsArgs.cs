using OrderProcessing.Infra.Plan.Notifications;
using Pulumi;

namespace OrderProcessing.Infra.Components;

/// <summary>Arguments of <see cref="Notifications"/>.</summary>
public sealed class NotificationsArgs
{
    /// <summary>The topics and the order events pipe.</summary>
    public required NotificationsPlan Notifications { get; init; }

    /// <summary>The orders table's stream, the source of order events.</summary>
    public required Output<string> OrdersStreamArn { get; init; }
}
