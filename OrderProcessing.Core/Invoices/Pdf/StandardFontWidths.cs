namespace OrderProcessing.Core.Invoices.Pdf;

/// <summary>
/// Advance widths of the standard fonts' glyphs for WinAnsiEncoding, in thousandths of the font size.
/// </summary>
/// <remarks>
/// Taken from Adobe's Core14 AFM files (Helvetica.afm and Helvetica-Bold.afm, version 002.000; "Copyright (c) 1985,
/// 1987, 1989, 1990, 1997 Adobe Systems Incorporated. All Rights Reserved."; the files may be used for any purpose),
/// by mapping each WinAnsi code to its glyph name and that name to its <c>WX</c> value; the tests check every glyph
/// against poppler's own copy of the metrics. The oblique styles share these widths; every Courier glyph is 600 wide.
/// Viewers lay the text out with the same numbers (the fonts are not embedded and the PDF carries no /Widths), so
/// measuring with them places right-aligned text exactly.
/// </remarks>
internal static class StandardFontWidths
{
    /// <summary>The first code in the tables: the space. Codes below it are control characters and never written.</summary>
    public const int FirstCode = 0x20;

    /// <summary>Helvetica and Helvetica-Oblique, codes 0x20-0xFF. The zeros are the codes WinAnsi leaves unassigned.</summary>
    public static ReadOnlySpan<short> Helvetica =>
    [
         278,  278,  355,  556,  556,  889,  667,  191,  333,  333,  389,  584,  278,  333,  278,  278, // 0x20-0x2F
         556,  556,  556,  556,  556,  556,  556,  556,  556,  556,  278,  278,  584,  584,  584,  556, // 0x30-0x3F
        1015,  667,  667,  722,  722,  667,  611,  778,  722,  278,  500,  667,  556,  833,  722,  778, // 0x40-0x4F
         667,  778,  722,  667,  611,  722,  667,  944,  667,  667,  611,  278,  278,  278,  469,  556, // 0x50-0x5F
         333,  556,  556,  500,  556,  556,  278,  556,  556,  222,  222,  500,  222,  833,  556,  556, // 0x60-0x6F
         556,  556,  333,  500,  278,  556,  500,  722,  500,  500,  500,  334,  260,  334,  584,    0, // 0x70-0x7F
         556,    0,  222,  556,  333, 1000,  556,  556,  333, 1000,  667,  333, 1000,    0,  611,    0, // 0x80-0x8F
           0,  222,  222,  333,  333,  350,  556, 1000,  333, 1000,  500,  333,  944,    0,  500,  667, // 0x90-0x9F
         278,  333,  556,  556,  556,  556,  260,  556,  333,  737,  370,  556,  584,  333,  737,  333, // 0xA0-0xAF
         400,  584,  333,  333,  333,  556,  537,  278,  333,  333,  365,  556,  834,  834,  834,  611, // 0xB0-0xBF
         667,  667,  667,  667,  667,  667, 1000,  722,  667,  667,  667,  667,  278,  278,  278,  278, // 0xC0-0xCF
         722,  722,  778,  778,  778,  778,  778,  584,  778,  722,  722,  722,  722,  667,  667,  611, // 0xD0-0xDF
         556,  556,  556,  556,  556,  556,  889,  500,  556,  556,  556,  556,  278,  278,  278,  278, // 0xE0-0xEF
         556,  556,  556,  556,  556,  556,  556,  584,  611,  556,  556,  556,  556,  500,  556,  500, // 0xF0-0xFF
    ];

    /// <summary>Helvetica-Bold and Helvetica-BoldOblique, codes 0x20-0xFF. The zeros are the codes WinAnsi leaves unassigned.</summary>
    public static ReadOnlySpan<short> HelveticaBold =>
    [
         278,  333,  474,  556,  556,  889,  722,  238,  333,  333,  389,  584,  278,  333,  278,  278, // 0x20-0x2F
         556,  556,  556,  556,  556,  556,  556,  556,  556,  556,  333,  333,  584,  584,  584,  611, // 0x30-0x3F
         975,  722,  722,  722,  722,  667,  611,  778,  722,  278,  556,  722,  611,  833,  722,  778, // 0x40-0x4F
         667,  778,  722,  667,  611,  722,  667,  944,  667,  667,  611,  333,  278,  333,  584,  556, // 0x50-0x5F
         333,  556,  611,  556,  611,  556,  333,  611,  611,  278,  278,  556,  278,  889,  611,  611, // 0x60-0x6F
         611,  611,  389,  556,  333,  611,  556,  778,  556,  556,  500,  389,  280,  389,  584,    0, // 0x70-0x7F
         556,    0,  278,  556,  500, 1000,  556,  556,  333, 1000,  667,  333, 1000,    0,  611,    0, // 0x80-0x8F
           0,  278,  278,  500,  500,  350,  556, 1000,  333, 1000,  556,  333,  944,    0,  500,  667, // 0x90-0x9F
         278,  333,  556,  556,  556,  556,  280,  556,  333,  737,  370,  556,  584,  333,  737,  333, // 0xA0-0xAF
         400,  584,  333,  333,  333,  611,  556,  278,  333,  333,  365,  556,  834,  834,  834,  611, // 0xB0-0xBF
         722,  722,  722,  722,  722,  722, 1000,  722,  667,  667,  667,  667,  278,  278,  278,  278, // 0xC0-0xCF
         722,  722,  778,  778,  778,  778,  778,  584,  778,  722,  722,  722,  722,  667,  667,  611, // 0xD0-0xDF
         556,  556,  556,  556,  556,  556,  889,  556,  556,  556,  556,  556,  278,  278,  278,  278, // 0xE0-0xEF
         611,  611,  611,  611,  611,  611,  611,  584,  611,  611,  611,  611,  611,  556,  611,  556, // 0xF0-0xFF
    ];

    /// <summary>The width of every glyph of the Courier family.</summary>
    public const short Courier = 600;
}
