using System.Globalization;

namespace OrderProcessing.Functions.Adapters.DynamoDb;

/// <summary>
/// Times as stored: UTC, fixed width, 100 ns digits (<c>2026-01-31T09:15:00.1234567Z</c>). Fixed width makes string
/// order equal time order, so sort keys and string conditions compare times; 7 digits round-trip a <see cref="DateTimeOffset"/> exactly.
/// </summary>
public static class StoredTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>The stored text of <paramref name="time"/>.</summary>
    public static string ToText(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The time a stored text names; <see cref="FormatException"/> for any other text.</summary>
    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new FormatException($"'{text}' is not a stored time ({Format}).");

    /// <summary>Epoch seconds rounded up, for time-to-live attributes (an item never expires early).</summary>
    public static long ToEpochSecondsCeiling(DateTimeOffset time)
    {
        var seconds = time.ToUnixTimeSeconds();
        return DateTimeOffset.FromUnixTimeSeconds(seconds) < time ? seconds + 1 : seconds;
    }
}
