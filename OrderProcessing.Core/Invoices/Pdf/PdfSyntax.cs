using System.Buffers;
using System.Globalization;
using System.Text;

namespace OrderProcessing.Core.Invoices.Pdf;

/// <summary>
/// How values are spelled in PDF syntax: numbers, strings and dates. Every spelling is culture-independent, so the
/// same document is written byte for byte the same everywhere.
/// </summary>
internal static class PdfSyntax
{
    /// <summary>Writes ASCII PDF syntax (operators, names, numbers).</summary>
    public static void Write(IBufferWriter<byte> output, string ascii) => Encoding.ASCII.GetBytes(ascii, output);

    /// <summary>
    /// A real number with at most three decimals (a thousandth of a point is far below what any device shows), never
    /// in exponent notation, which PDF does not allow, and never "-0".
    /// </summary>
    public static string Number(double value)
    {
        var text = Math.Round(value, 3, MidpointRounding.ToEven).ToString("0.###", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>
    /// Writes WinAnsi bytes as a literal string. The delimiters and the backslash are escaped; control bytes (which
    /// the encoder never produces) are written as octal escapes so a line break can never be reinterpreted.
    /// </summary>
    public static void WriteLiteralString(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        var span = output.GetSpan((bytes.Length * 4) + 2);
        var n = 0;
        span[n++] = (byte)'(';
        foreach (var b in bytes)
        {
            if (b is (byte)'(' or (byte)')' or (byte)'\\')
            {
                span[n++] = (byte)'\\';
                span[n++] = b;
            }
            else if (b < 0x20 || b == 0x7F)
            {
                span[n++] = (byte)'\\';
                span[n++] = (byte)('0' + (b >> 6));
                span[n++] = (byte)('0' + ((b >> 3) & 7));
                span[n++] = (byte)('0' + (b & 7));
            }
            else
            {
                span[n++] = b;
            }
        }

        span[n++] = (byte)')';
        output.Advance(n);
    }

    /// <summary>
    /// A text string for the document information dictionary: a literal when the text is printable ASCII, otherwise
    /// UTF-16BE with a byte order mark in hexadecimal, so any title (accents, other scripts) survives and the
    /// dictionary stays ASCII.
    /// </summary>
    public static string TextString(string text)
    {
        if (text.All(c => c is >= ' ' and <= '~'))
        {
            return "(" + text.Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("(", "\\(", StringComparison.Ordinal)
                .Replace(")", "\\)", StringComparison.Ordinal) + ")";
        }

        return "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";
    }

    /// <summary>A PDF date, <c>D:YYYYMMDDHHmmSS</c> followed by the offset from UTC (<c>Z</c> or <c>+HH'mm'</c>).</summary>
    public static string Date(DateTimeOffset value)
    {
        var text = "D:" + value.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        if (value.Offset == TimeSpan.Zero)
        {
            return text + "Z";
        }

        var offset = value.Offset.Duration();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{text}{(value.Offset < TimeSpan.Zero ? '-' : '+')}{offset.Hours:00}'{offset.Minutes:00}'");
    }
}
