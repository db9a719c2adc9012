namespace OrderProcessing.Core.Orders;

/// <summary>Settings of <see cref="OrderService"/>.</summary>
public sealed record OrderServiceOptions
{
    /// <summary>How long an <c>Idempotency-Key</c> is remembered. Default 24 hours.</summary>
    public TimeSpan IdempotencyWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How much longer than <see cref="IdempotencyWindow"/> a deleted order's id stays taken by its tombstone, measured
    /// from the deletion: a margin for clock differences between the functions that claim keys and the store that
    /// expires tombstones. Default 1 hour.
    /// </summary>
    public TimeSpan TombstoneMargin { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a deleted order's tombstone keeps its id taken: <see cref="IdempotencyWindow"/> plus
    /// <see cref="TombstoneMargin"/>. The key that created the order was claimed before the deletion, so it has expired
    /// by then and a replay of it can no longer reach the id.
    /// </summary>
    public TimeSpan TombstoneLifetime => IdempotencyWindow + TombstoneMargin;

    /// <summary>How long an invoice download link stays valid. Default 5 minutes.</summary>
    public TimeSpan InvoiceLinkLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long after an order gave up its stock (OUT_OF_STOCK, PAYMENT_FAILED, CANCELLED) it cannot be deleted, so the
    /// pipeline can finish releasing its stock and refunding it: those steps follow the transition and find the order's
    /// lines in the stored order. At least the longest time a stage message stays in flight (receive limit times the
    /// queue's visibility timeout). Default 15 minutes (5 receives of 3 minutes).
    /// </summary>
    public TimeSpan SettlingPeriod { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The name of the pipeline stage that processes orders in each status (the status its trigger routes on), so a
    /// rejected operator move can name the stage that makes it. Empty by default: the rejection then describes the stage
    /// by the status it processes. A deployment fills it from its routing table, never from a second list.
    /// </summary>
    public IReadOnlyDictionary<OrderStatus, string> StageNames { get; init; } = new Dictionary<OrderStatus, string>();

    /// <summary>Attempts at a transition that keeps losing to concurrent writers before giving up with a conflict. Default 5.</summary>
    public int MaxConflictRetries { get; init; } = 5;
}
