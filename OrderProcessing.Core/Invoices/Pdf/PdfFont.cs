namespace OrderProcessing.Core.Invoices.Pdf;

/// <summary>
/// A standard PDF font (one of the fonts every viewer has, so nothing is embedded), with the glyph widths needed to
/// measure, align, truncate and wrap text exactly as viewers will lay it out.
/// </summary>
/// <remarks>
/// Text is measured as it will be written, after <see cref="WinAnsiEncoding"/> has replaced what the font cannot
/// show, so measurements always match the drawn result. Kerning is not applied, neither here nor when drawing.
/// </remarks>
public sealed class PdfFont
{
    private readonly short[]? _widths;

    private PdfFont(string baseFont, ReadOnlySpan<short> widths)
    {
        BaseFont = baseFont;
        _widths = widths.IsEmpty ? null : widths.ToArray();
    }

    /// <summary>Helvetica, regular.</summary>
    public static PdfFont Helvetica { get; } = new("Helvetica", StandardFontWidths.Helvetica);

    /// <summary>Helvetica, bold.</summary>
    public static PdfFont HelveticaBold { get; } = new("Helvetica-Bold", StandardFontWidths.HelveticaBold);

    /// <summary>Helvetica, oblique (same widths as <see cref="Helvetica"/>).</summary>
    public static PdfFont HelveticaOblique { get; } = new("Helvetica-Oblique", StandardFontWidths.Helvetica);

    /// <summary>Helvetica, bold oblique (same widths as <see cref="HelveticaBold"/>).</summary>
    public static PdfFont HelveticaBoldOblique { get; } = new("Helvetica-BoldOblique", StandardFontWidths.HelveticaBold);

    /// <summary>Courier, regular: fixed pitch, every glyph 0.6 of the font size wide.</summary>
    public static PdfFont Courier { get; } = new("Courier", []);

    /// <summary>Courier, bold: fixed pitch, every glyph 0.6 of the font size wide.</summary>
    public static PdfFont CourierBold { get; } = new("Courier-Bold", []);

    /// <summary>The font's PostScript name, written as its <c>/BaseFont</c>.</summary>
    public string BaseFont { get; }

    /// <summary>The font's PostScript name.</summary>
    /// <returns><see cref="BaseFont"/>.</returns>
    public override string ToString() => BaseFont;

    /// <summary>The width of <paramref name="text"/> drawn in this font.</summary>
    /// <param name="text">The text as the caller has it; characters the font lacks are measured as their replacement.</param>
    /// <param name="size">The font size in points; positive.</param>
    /// <returns>The advance width in points.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is not a positive finite number.</exception>
    public double MeasureWidth(string text, double size)
    {
        ArgumentNullException.ThrowIfNull(text);
        PdfGuard.Size(size);
        return MeasureWidth(WinAnsiEncoding.Encode(text), size);
    }

    /// <summary>
    /// <paramref name="text"/> as it is drawn, shortened if needed so that it fits in <paramref name="maxWidth"/>:
    /// cut at a character and ended with an ellipsis ("…").
    /// </summary>
    /// <param name="text">The text to fit.</param>
    /// <param name="size">The font size in points; positive.</param>
    /// <param name="maxWidth">The room available in points; not negative.</param>
    /// <returns>The text with characters the font lacks already replaced; empty when not even the ellipsis fits.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> or <paramref name="maxWidth"/> is out of range.</exception>
    public string Truncate(string text, double size, double maxWidth)
    {
        ArgumentNullException.ThrowIfNull(text);
        PdfGuard.Size(size);
        PdfGuard.MaxWidth(maxWidth);
        return WinAnsiEncoding.Decode(Truncate(WinAnsiEncoding.Encode(text), size, maxWidth));
    }

    /// <summary>
    /// Breaks <paramref name="text"/> into lines no wider than <paramref name="maxWidth"/>: at spaces where possible,
    /// inside a word only when the word alone is too wide, and at every line break in the text.
    /// </summary>
    /// <param name="text">The text to wrap.</param>
    /// <param name="size">The font size in points; positive.</param>
    /// <param name="maxWidth">The line width in points; at least as wide as the widest glyph of the text, or lines hold one character each.</param>
    /// <returns>The lines as they are drawn (characters the font lacks already replaced), without the spaces broken at; one empty line for empty text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> or <paramref name="maxWidth"/> is out of range.</exception>
    public IReadOnlyList<string> Wrap(string text, double size, double maxWidth)
    {
        ArgumentNullException.ThrowIfNull(text);
        PdfGuard.Size(size);
        PdfGuard.MaxWidth(maxWidth);

        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            WrapParagraph(WinAnsiEncoding.Encode(paragraph), size, maxWidth, lines);
        }

        return lines;
    }

    /// <summary>The advance width of already encoded text, in points.</summary>
    internal double MeasureWidth(ReadOnlySpan<byte> encoded, double size)
    {
        long total = 0;
        foreach (var code in encoded)
        {
            total += GlyphWidth(code);
        }

        return total * size / 1000;
    }

    /// <summary>The longest prefix of <paramref name="encoded"/> that fits, followed by an ellipsis if anything was cut.</summary>
    internal byte[] Truncate(byte[] encoded, double size, double maxWidth)
    {
        if (Fits(MeasureWidth(encoded, size), maxWidth))
        {
            return encoded;
        }

        var room = maxWidth - (GlyphWidth(WinAnsiEncoding.Ellipsis) * size / 1000);
        if (!Fits(0, room))
        {
            return [];
        }

        var kept = FittingPrefixLength(encoded, size, room);

        // A cut right after a space would leave "word …"; the ellipsis reads better against the word.
        while (kept > 0 && encoded[kept - 1] == (byte)' ')
        {
            kept--;
        }

        return [.. encoded.AsSpan(0, kept), WinAnsiEncoding.Ellipsis];
    }

    /// <summary>The advance width of one WinAnsi code, in thousandths of the font size.</summary>
    internal int GlyphWidth(byte code) =>
        _widths is null ? StandardFontWidths.Courier
        : code < StandardFontWidths.FirstCode ? 0
        : _widths[code - StandardFontWidths.FirstCode];

    // Widths are sums of glyph widths times the size over 1000; allow for the rounding of that division so text that
    // exactly fills its room is not cut.
    private static bool Fits(double width, double maxWidth) => width <= maxWidth + 1e-9;

    private int FittingPrefixLength(ReadOnlySpan<byte> encoded, double size, double maxWidth)
    {
        long total = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            total += GlyphWidth(encoded[i]);
            if (!Fits(total * size / 1000, maxWidth))
            {
                return i;
            }
        }

        return encoded.Length;
    }

    private void WrapParagraph(byte[] encoded, double size, double maxWidth, List<string> lines)
    {
        var rest = encoded.AsSpan();
        do
        {
            rest = rest.TrimStart((byte)' ');
            var fits = FittingPrefixLength(rest, size, maxWidth);
            int take;
            int skip;
            if (fits == rest.Length)
            {
                take = skip = fits;
            }
            else if (rest[fits] == (byte)' ')
            {
                // The text fits up to a space: break there.
                take = fits;
                skip = fits + 1;
            }
            else
            {
                var lastSpace = rest[..fits].LastIndexOf((byte)' ');

                // Break at the last space that fits; a word wider than the whole line is cut where it overflows
                // (keeping at least one character, so wrapping always advances).
                take = lastSpace > 0 ? lastSpace : Math.Max(fits, 1);
                skip = lastSpace > 0 ? lastSpace + 1 : take;
            }

            lines.Add(WinAnsiEncoding.Decode(rest[..take].TrimEnd((byte)' ')));
            rest = rest[skip..];
        }
        while (!rest.TrimStart((byte)' ').IsEmpty);
    }
}
