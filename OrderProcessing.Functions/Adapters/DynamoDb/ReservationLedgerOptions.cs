namespace OrderProcessing.Functions.Adapters.DynamoDb;

/// <summary>How long the product item keeps settled reservations (released or shipped) before pruning them.</summary>
public sealed record ReservationLedgerOptions
{
    /// <summary>
    /// How long a settled entry is kept. It must outlast any stage still acting on the order: a reserve racing a release
    /// comes from a stage that read the order before it left <c>PENDING</c>, and a release racing a ship from a message
    /// still being delivered; both end within a stage message's life (Core's <c>OrderServiceOptions.SettlingPeriod</c>,
    /// 15 minutes: 5 receives × 3 minutes of visibility). Default: one hour.
    /// </summary>
    public TimeSpan SettledRetention { get; init; } = TimeSpan.FromHours(1);

    /// <summary>At most this many old entries are removed per stock write, which keeps each update expression small. Default: 25.</summary>
    public int MaxPrunedPerWrite { get; init; } = 25;

    /// <summary>The defaults.</summary>
    public static ReservationLedgerOptions Default { get; } = new();
}
