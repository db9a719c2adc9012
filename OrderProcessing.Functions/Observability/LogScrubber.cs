using System.Text.RegularExpressions;
using OrderProcessing.Core.Common;

namespace OrderProcessing.Functions.Observability;

/// <summary>
/// Last line of defence for personal and payment data: masks anything shaped like an email address or a test payment
/// token before a line is written, with <see cref="Redaction"/>'s rules. Callers still pass masked values on purpose.
/// </summary>
internal static partial class LogScrubber
{
    public static string Scrub(string text)
    {
        if (text.Contains('@', StringComparison.Ordinal))
        {
            text = EmailPattern().Replace(text, m => Redaction.MaskEmail(m.Value));
        }

        return text.Contains("tok_", StringComparison.Ordinal) ? TokenPattern().Replace(text, m => m.Value == "tok_***" ? m.Value : Redaction.MaskToken(m.Value)) : text;
    }

    [GeneratedRegex(@"[^\s@""'<>(),;:\[\]\\]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"tok_[A-Za-z0-9_*]+", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
