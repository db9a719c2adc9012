using System.Buffers;

namespace OrderProcessing.Core.Invoices.Pdf;

/// <summary>
/// One page of a <see cref="PdfDocumentBuilder"/>, drawn on with text, lines and filled rectangles.
/// </summary>
/// <remarks>
/// Coordinates are in points (1/72 inch) measured from the <b>top-left</b> corner of the page, x to the right and
/// y downwards, the way a layout is usually designed; the page converts them to PDF's bottom-up space. Text is placed
/// by its baseline. Every operation sets the color and line width it uses, so operations do not affect one another.
/// Pages are not thread-safe.
/// </remarks>
public sealed class PdfPage
{
    private readonly PdfDocumentBuilder _document;
    private readonly ArrayBufferWriter<byte> _content = new();

    internal PdfPage(PdfDocumentBuilder document, PdfPageSize size, int number)
    {
        _document = document;
        Size = size;
        Number = number;
    }

    /// <summary>The page's size in points.</summary>
    public PdfPageSize Size { get; }

    /// <summary>The page's width in points.</summary>
    public double Width => Size.Width;

    /// <summary>The page's height in points.</summary>
    public double Height => Size.Height;

    /// <summary>The page's position in the document, from 1.</summary>
    public int Number { get; }

    /// <summary>The page's content stream so far, uncompressed.</summary>
    internal ReadOnlySpan<byte> Content => _content.WrittenSpan;

    /// <summary>
    /// Draws one line of text. Characters the font cannot show are replaced as described on
    /// <see cref="WinAnsiEncoding"/>; text wider than <paramref name="maxWidth"/> is cut and ended with an ellipsis,
    /// so it never runs into the next column.
    /// </summary>
    /// <param name="text">The text; line breaks and tabs are drawn as spaces (use <see cref="PdfFont.Wrap"/> for several lines).</param>
    /// <param name="x">Horizontal position in points from the left edge: where the text starts, its middle or where it ends, depending on <paramref name="alignment"/>.</param>
    /// <param name="y">Position of the baseline in points from the top edge.</param>
    /// <param name="font">The font.</param>
    /// <param name="size">The font size in points; positive.</param>
    /// <param name="alignment">Which point of the text <paramref name="x"/> names.</param>
    /// <param name="maxWidth">The widest the text may be, in points; unlimited by default.</param>
    /// <param name="gray">The text color from 0 (black, the default) to 1 (white).</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="font"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is not finite, or out of its range.</exception>
    public void DrawText(
        string text,
        double x,
        double y,
        PdfFont font,
        double size,
        PdfTextAlignment alignment = PdfTextAlignment.Left,
        double maxWidth = double.PositiveInfinity,
        double gray = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(font);
        PdfGuard.Coordinate(x);
        PdfGuard.Coordinate(y);
        PdfGuard.Size(size);
        PdfGuard.MaxWidth(maxWidth);
        PdfGuard.Gray(gray);
        if (!Enum.IsDefined(alignment))
        {
            throw new ArgumentOutOfRangeException(nameof(alignment), alignment, "Unknown text alignment.");
        }

        var encoded = font.Truncate(WinAnsiEncoding.Encode(text), size, maxWidth);
        if (encoded.Length == 0)
        {
            return;
        }

        var width = font.MeasureWidth(encoded, size);
        var left = alignment switch
        {
            PdfTextAlignment.Center => x - (width / 2),
            PdfTextAlignment.Right => x - width,
            _ => x,
        };

        var resource = _document.FontResourceName(font);
        Write($"BT /{resource} {N(size)} Tf {N(gray)} g {N(left)} {N(Height - y)} Td ");
        PdfSyntax.WriteLiteralString(_content, encoded);
        Write(" Tj ET\n");
    }

    /// <summary>Draws a straight line, for rules under headings and between table rows.</summary>
    /// <param name="x1">Start, points from the left edge.</param>
    /// <param name="y1">Start, points from the top edge.</param>
    /// <param name="x2">End, points from the left edge.</param>
    /// <param name="y2">End, points from the top edge.</param>
    /// <param name="thickness">Line width in points (0.5 by default; 0 is the thinnest line the device can show).</param>
    /// <param name="gray">The line color from 0 (black, the default) to 1 (white).</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is not finite, or out of its range.</exception>
    public void DrawLine(double x1, double y1, double x2, double y2, double thickness = 0.5, double gray = 0)
    {
        PdfGuard.Coordinate(x1);
        PdfGuard.Coordinate(y1);
        PdfGuard.Coordinate(x2);
        PdfGuard.Coordinate(y2);
        PdfGuard.Length(thickness);
        PdfGuard.Gray(gray);
        Write($"{N(thickness)} w {N(gray)} G {N(x1)} {N(Height - y1)} m {N(x2)} {N(Height - y2)} l S\n");
    }

    /// <summary>Fills a rectangle, for example the light background of a table's header row. Draw it before the text that goes on it.</summary>
    /// <param name="x">Left edge, points from the left edge of the page.</param>
    /// <param name="y">Top edge, points from the top edge of the page.</param>
    /// <param name="width">Width in points, not negative.</param>
    /// <param name="height">Height in points (downwards), not negative.</param>
    /// <param name="gray">The fill color from 0 (black) to 1 (white); 0.9 is a light background.</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is not finite, or out of its range.</exception>
    public void FillRectangle(double x, double y, double width, double height, double gray)
    {
        PdfGuard.Coordinate(x);
        PdfGuard.Coordinate(y);
        PdfGuard.Length(width);
        PdfGuard.Length(height);
        PdfGuard.Gray(gray);
        Write($"{N(gray)} g {N(x)} {N(Height - y - height)} {N(width)} {N(height)} re f\n");
    }

    private static string N(double value) => PdfSyntax.Number(value);

    private void Write(string ascii) => PdfSyntax.Write(_content, ascii);
}
