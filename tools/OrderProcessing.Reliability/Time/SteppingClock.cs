namespace OrderProcessing.Reliability.Time;

/// <summary>
/// A clock that moves forward one millisecond every time it is read, and as the dispatcher's ticks pass, from a fixed
/// start: runs are repeatable and no two events share a timestamp (which lets <see cref="Payments.CaptureCountingLedger"/> tell records apart).
/// </summary>
internal sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    /// <summary>A clock starting at <see cref="Start"/>.</summary>
    public SteppingClock()
        : this(Start)
    {
    }

    /// <summary>2025-01-01T00:00:00Z.</summary>
    public static DateTimeOffset Start { get; } = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Moves the clock forward by <paramref name="by"/> (the dispatcher's ticks, as time passing).</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref _ticks, TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
