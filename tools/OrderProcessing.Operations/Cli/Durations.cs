using System.Globalization;

namespace OrderProcessing.Operations.Cli;

/// <summary>Parses the durations operators type: <c>90s</c>, <c>15m</c>, <c>2h</c>, <c>1d</c>.</summary>
public static class Durations
{
    /// <summary>The duration <paramref name="text"/> names, or null when it names none (or not a positive one).</summary>
    public static TimeSpan? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length < 2)
        {
            return null;
        }

        var unit = text[^1];
        if (!double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return null;
        }

        return unit switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => null,
        };
    }
}
