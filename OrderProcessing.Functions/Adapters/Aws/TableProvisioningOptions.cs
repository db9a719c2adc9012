namespace OrderProcessing.Functions.Adapters.Aws;

/// <summary>What <see cref="StorageProvisioner"/> turns on besides tables and indexes.</summary>
/// <param name="TimeToLive">Enable the schema's time-to-live attribute (dynalite has no <c>UpdateTimeToLive</c>: pass false for it; the adapters never rely on TTL deletion).</param>
/// <param name="Streams">Request the schema's change stream (dynalite accepts and ignores it; the local host uses its own change feed).</param>
/// <param name="ActiveTimeout">How long to wait for new tables to become active.</param>
public sealed record TableProvisioningOptions(bool TimeToLive = true, bool Streams = true, TimeSpan? ActiveTimeout = null)
{
    /// <summary>Settings for dynalite: no time-to-live call.</summary>
    public static TableProvisioningOptions ForDynalite { get; } = new(TimeToLive: false);
}
