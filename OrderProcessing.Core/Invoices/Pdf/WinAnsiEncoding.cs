using System.Globalization;
using System.Text;

namespace OrderProcessing.Core.Invoices.Pdf;

/// <summary>
/// Converts Unicode text to WinAnsiEncoding (Windows code page 1252), the single-byte encoding in which the standard
/// PDF fonts are used. The table is built in, so no code page provider has to be registered.
/// </summary>
/// <remarks>
/// <para>The conversion is lossy by design and never fails: whatever the input, every output byte is a glyph of the
/// standard fonts. It works on user-perceived characters (grapheme clusters), so one character in gives one glyph
/// out, whether it arrives as one code point, as a surrogate pair or as a letter followed by combining marks:</para>
/// <list type="bullet">
/// <item><description>Characters of the code page are kept: ASCII, Latin-1 letters (é, ü, ñ, ç, ø, Å, ß), and
/// €, Œ, œ, Š, š, Ž, ž, Ÿ, ƒ, typographic quotes, dashes, the ellipsis, the bullet, ™ and ‰.</description></item>
/// <item><description>A letter followed by combining marks is composed when the code page has the result
/// ("e" + U+0301 gives "é"); marks that do not compose are dropped.</description></item>
/// <item><description>Latin letters the code page lacks become the nearest letter it has ("ő" gives "o", "ł" gives
/// "l", "ệ" gives "ê"); ligatures and digraphs become their letters ("ﬁ" gives "fi"); typographic spaces,
/// hyphens and primes become their plain forms.</description></item>
/// <item><description>Tabs and line breaks become a space; invisible format characters (soft hyphen, zero-width
/// space, joiners, direction marks, byte order mark) and stray combining marks are dropped.</description></item>
/// <item><description>Anything else (other scripts, emoji, other control characters, unpaired surrogates) becomes
/// one visible <c>?</c>, so a reader sees that something was lost.</description></item>
/// </list>
/// </remarks>
public static class WinAnsiEncoding
{
    /// <summary>The byte written for a character that cannot be shown.</summary>
    internal const byte Replacement = (byte)'?';

    /// <summary>The byte of the horizontal ellipsis, used to mark truncated text.</summary>
    internal const byte Ellipsis = 0x85;

    private const byte Space = (byte)' ';

    // The characters of bytes 0x80-0x9F, the only range where code page 1252 differs from Latin-1.
    // '\0' marks the five bytes the code page leaves unassigned; they are never written.
    private const string HighRange =
        "\u20AC\0\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\0\u017D\0"
        + "\0\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\0\u017E\u0178";

    /// <summary>Whether <paramref name="character"/> is drawn as itself by the standard fonts.</summary>
    /// <param name="character">A UTF-16 code unit. Halves of a surrogate pair are never encodable.</param>
    /// <returns>True for the printable characters of code page 1252 (the soft hyphen excluded: it is not drawn).</returns>
    public static bool CanEncode(char character) => TryEncode(character, out _);

    /// <summary>Encodes <paramref name="text"/> as WinAnsi bytes, replacing what the code page lacks as described on <see cref="WinAnsiEncoding"/>.</summary>
    /// <param name="text">Any text, including text that is not well-formed UTF-16.</param>
    /// <returns>One byte per glyph; never a control byte or an unassigned code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static byte[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new List<byte>(text.Length);
        var remaining = text.AsSpan();
        while (!remaining.IsEmpty)
        {
            var length = StringInfo.GetNextTextElementLength(remaining);
            AppendCluster(remaining[..length], output);
            remaining = remaining[length..];
        }

        return [.. output];
    }

    /// <summary>The text that <paramref name="encoded"/> shows, for handing measured or cut text back to callers.</summary>
    internal static string Decode(ReadOnlySpan<byte> encoded)
    {
        var chars = new char[encoded.Length];
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            chars[i] = b is >= 0x80 and <= 0x9F ? HighRange[b - 0x80] : (char)b;
        }

        return new string(chars);
    }

    private static void AppendCluster(ReadOnlySpan<char> cluster, List<byte> output)
    {
        // An unpaired surrogate decodes to U+FFFD, which falls through to the replacement below.
        Rune.DecodeFromUtf16(cluster, out var first, out var consumed);
        var codePoint = first.Value;

        if (codePoint is '\t' or '\n' or '\v' or '\f' or '\r' or 0x85 or 0x2028 or 0x2029)
        {
            output.Add(Space);
            return;
        }

        var category = Rune.GetUnicodeCategory(first);
        if (category is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
        {
            return;
        }

        if (category is UnicodeCategory.Control)
        {
            output.Add(Replacement);
            return;
        }

        if (codePoint <= char.MaxValue)
        {
            foreach (var mark in cluster[consumed..])
            {
                if (WinAnsiFallback.Compose((char)codePoint, mark) is { } composed && TryEncode(composed, out var composedByte))
                {
                    output.Add(composedByte);
                    return;
                }
            }
        }

        if (TryEncode(codePoint, out var encoded))
        {
            output.Add(encoded);
            return;
        }

        if (WinAnsiFallback.Replace(codePoint) is { } replacement)
        {
            foreach (var character in replacement)
            {
                output.Add(TryEncode(character, out var replacementByte) ? replacementByte : Replacement);
            }

            return;
        }

        output.Add(Replacement);
    }

    private static bool TryEncode(int codePoint, out byte encoded)
    {
        if (codePoint is (>= 0x20 and <= 0x7E) or (>= 0xA0 and <= 0xFF and not 0xAD))
        {
            encoded = (byte)codePoint;
            return true;
        }

        var index = codePoint is > 0xFF and <= char.MaxValue ? HighRange.IndexOf((char)codePoint, StringComparison.Ordinal) : -1;
        encoded = index < 0 ? Replacement : (byte)(0x80 + index);
        return index >= 0;
    }
}
