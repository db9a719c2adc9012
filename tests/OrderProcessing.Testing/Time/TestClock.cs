using Microsoft.Extensions.Time.Testing;

namespace OrderProcessing.Testing.Time;

/// <summary>
/// Test time: a <see cref="FakeTimeProvider"/> that stands still until a test advances it (firing the timers that fall
/// due), started at one fixed instant, so every timestamp a test sees is known in advance.
/// </summary>
public static class TestClock
{
    /// <summary>The instant every test clock starts at.</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    /// <summary>A new clock at <see cref="Start"/>.</summary>
    public static FakeTimeProvider New() => new(Start);
}
