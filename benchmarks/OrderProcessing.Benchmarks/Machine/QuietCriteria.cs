namespace OrderProcessing.Benchmarks.Machine;

/// <summary>When the machine counts as quiet enough to time something on it.</summary>
/// <param name="MinIdlePercent">Every one-second interval must leave at least this share of all cores idle.</param>
/// <param name="QuietSeconds">For this many consecutive seconds.</param>
/// <param name="MaxWait">Give up after this long.</param>
public sealed record QuietCriteria(double MinIdlePercent, int QuietSeconds, TimeSpan MaxWait)
{
    /// <summary>
    /// The bench's default: 85% idle (on two cores, another process using a sixth of one core at most, e.g. an editor or
    /// an idle server's timers, not a build) for 5 seconds, waiting up to 10 minutes.
    /// </summary>
    public static QuietCriteria Default { get; } = new(85, 5, TimeSpan.FromMinutes(10));
}
