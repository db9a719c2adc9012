using System.Text.RegularExpressions;
using OrderProcessing.Core.Payments;

namespace OrderProcessing.Reliability.Security;

/// <summary>
/// Searches log lines for personal and payment data: any full e-mail address (a masked one, <c>j***@example.com</c>,
/// has no address part left), any of the given known addresses, and any payment token other than the mask <c>tok_***</c>.
/// </summary>
internal static partial class LogScan
{
    /// <summary>Every line that leaks, with what it leaks; empty when none does.</summary>
    public static IReadOnlyList<string> Leaks(IEnumerable<string> lines, IReadOnlyCollection<string> knownEmails)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(knownEmails);
        var known = knownEmails.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var leaks = new List<string>();
        foreach (var line in lines)
        {
            var found = new List<string>();
            if (line.Contains('@', StringComparison.Ordinal))
            {
                found.AddRange(EmailPattern().Matches(line).Select(m => $"e-mail '{m.Value}'"));

                // Independently of the pattern: any word around an '@' that is a customer's address.
                found.AddRange(AtWords().Matches(line).Select(m => m.Value).Where(known.Contains).Select(e => $"customer e-mail '{e}'"));
            }

            if (line.Contains("tok_", StringComparison.Ordinal))
            {
                found.AddRange(TokenPattern().Matches(line).Where(m => m.Value != "tok_***").Select(m => $"token '{m.Value}'"));
                found.AddRange(TestPaymentTokens.All.Where(t => line.Contains(t, StringComparison.Ordinal)).Select(t => $"token '{t}'"));
            }

            if (found.Count > 0)
            {
                leaks.Add($"{string.Join(", ", found.Distinct())} in: {(line.Length > 300 ? line[..300] + "..." : line)}");
            }
        }

        return leaks;
    }

    [GeneratedRegex(@"[^\s""'<>(),;:\[\]\\]+@[^\s""'<>(),;:\[\]\\]+", RegexOptions.CultureInvariant)]
    private static partial Regex AtWords();

    // The local part must be made of address characters right up to the '@': a mask (j***@) breaks it.
    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"tok_[A-Za-z0-9_*]+", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
