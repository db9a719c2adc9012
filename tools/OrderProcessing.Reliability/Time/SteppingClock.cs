namespace OrderProcessing.Reliability.Time;

/// <summary>
/// A clock that moves forward one millisecond every time it is read, from a fixed start: runs are repeatable and no
/// two events share a timestamp (which lets <see cref="Payments.CaptureCountingLedger"/> tell records apart).
/// </summary>
internal sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    /// <summary>A clock starting at 2025-01-01T00:00:00Z.</summary>
    public SteppingClock()
        : this(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref _ticks, TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
