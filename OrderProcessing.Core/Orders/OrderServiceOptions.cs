namespace OrderProcessing.Core.Orders;

/// <summary>Settings of <see cref="OrderService"/>.</summary>
public sealed record OrderServiceOptions
{
    /// <summary>How long an <c>Idempotency-Key</c> is remembered. Default 24 hours.</summary>
    public TimeSpan IdempotencyWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long an invoice download link stays valid. Default 5 minutes.</summary>
    public TimeSpan InvoiceLinkLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts at a transition that keeps losing to concurrent writers before giving up with a conflict. Default 5.</summary>
    public int MaxConflictRetries { get; init; } = 5;
}
