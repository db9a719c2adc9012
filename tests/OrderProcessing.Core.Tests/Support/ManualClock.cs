namespace OrderProcessing.Core.Tests.Support;

/// <summary>A clock that moves only when a test moves it, so every timestamp a test sees is known in advance.</summary>
public sealed class ManualClock : TimeProvider
{
    /// <summary>The instant every clock starts at unless told otherwise.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    private readonly Lock _gate = new();
    private DateTimeOffset _now;

    public ManualClock()
        : this(DefaultStart)
    {
    }

    public ManualClock(DateTimeOffset start) => _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>Moves the clock forward and returns the new time.</summary>
    public DateTimeOffset Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_gate)
        {
            _now += by;
            return _now;
        }
    }
}
