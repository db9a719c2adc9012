using System.Globalization;

namespace OrderProcessing.Core.Invoices.Pdf;

/// <summary>
/// Builds a PDF 1.4 document from pages of text, lines and filled rectangles in the standard fonts, with nothing
/// embedded. The output depends only on what was drawn and on the title and creation date given, never on the clock
/// or the machine's culture, so the same input always gives the same bytes.
/// </summary>
/// <example>
/// <code>
/// var document = new PdfDocumentBuilder("Invoice 2024-0042", clock.GetUtcNow());
/// var page = document.AddPage();
/// page.DrawText("Invoice", 56, 80, PdfFont.HelveticaBold, 18);
/// page.DrawText("1,234.50 EUR", 539, 120, PdfFont.Helvetica, 10, PdfTextAlignment.Right);
/// byte[] pdf = document.Build();
/// </code>
/// </example>
/// <remarks>Not thread-safe. See <see cref="PdfPageFlow"/> for content that runs over several pages.</remarks>
public sealed class PdfDocumentBuilder
{
    /// <summary>The <c>/Producer</c> written into every document's information dictionary.</summary>
    public const string Producer = "OrderProcessing.Core";

    private readonly List<PdfPage> _pages = [];
    private readonly List<PdfFont> _fonts = [];

    /// <summary>Starts an empty document.</summary>
    /// <param name="title">The document title, shown by viewers in place of the file name; any text.</param>
    /// <param name="creationDate">When the document counts as created; written with its offset from UTC.</param>
    /// <exception cref="ArgumentNullException"><paramref name="title"/> is null.</exception>
    public PdfDocumentBuilder(string title, DateTimeOffset creationDate)
    {
        ArgumentNullException.ThrowIfNull(title);
        Title = title;
        CreationDate = creationDate;
    }

    /// <summary>The document title.</summary>
    public string Title { get; }

    /// <summary>The creation date written into the document.</summary>
    public DateTimeOffset CreationDate { get; }

    /// <summary>The size of pages added by <see cref="AddPage()"/>; A4 by default.</summary>
    public PdfPageSize PageSize { get; init; } = PdfPageSize.A4;

    /// <summary>
    /// Whether page content is Flate-compressed: on by default (an invoice shrinks to about a fifth). Turn it off to
    /// read the content streams in a text editor.
    /// </summary>
    public bool CompressContent { get; init; } = true;

    /// <summary>The pages added so far, in order. Pages can still be drawn on until <see cref="Build"/>, for example to add "page 2 of 3" once the count is known.</summary>
    public IReadOnlyList<PdfPage> Pages => _pages;

    /// <summary>The page added last.</summary>
    /// <exception cref="InvalidOperationException">No page has been added yet.</exception>
    public PdfPage CurrentPage => _pages.Count > 0
        ? _pages[^1]
        : throw new InvalidOperationException("The document has no page yet; call AddPage first.");

    /// <summary>Adds a page of <see cref="PageSize"/> at the end of the document.</summary>
    /// <returns>The new page, which is now <see cref="CurrentPage"/>.</returns>
    public PdfPage AddPage() => AddPage(PageSize);

    /// <summary>Adds a page of the given size at the end of the document.</summary>
    /// <param name="size">The page size.</param>
    /// <returns>The new page, which is now <see cref="CurrentPage"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="size"/> is the empty default value.</exception>
    public PdfPage AddPage(PdfPageSize size)
    {
        if (size.Width <= 0 || size.Height <= 0)
        {
            throw new ArgumentException("The page size is empty; use PdfPageSize.A4 or a size with positive dimensions.", nameof(size));
        }

        var page = new PdfPage(this, size, _pages.Count + 1);
        _pages.Add(page);
        return page;
    }

    /// <summary>Writes the document.</summary>
    /// <returns>The complete PDF file.</returns>
    /// <exception cref="InvalidOperationException">The document has no page; a PDF needs at least one.</exception>
    public byte[] Build()
    {
        if (_pages.Count == 0)
        {
            throw new InvalidOperationException("The document has no page; add at least one before building it.");
        }

        // Object numbers: 1 catalog, 2 page tree, 3 information, 4 resources shared by all pages, then one per font,
        // then each page followed by its content stream.
        const int catalog = 1, pageTree = 2, info = 3, resources = 4;
        var firstFont = 5;
        var firstPage = firstFont + _fonts.Count;

        var file = new PdfFileWriter();
        file.WriteObject(Invariant($"<< /Type /Catalog /Pages {pageTree} 0 R >>"));
        var kids = string.Join(" ", _pages.Select((_, i) => Invariant($"{firstPage + (2 * i)} 0 R")));
        file.WriteObject(Invariant($"<< /Type /Pages /Kids [{kids}] /Count {_pages.Count} >>"));
        var date = PdfSyntax.TextString(PdfSyntax.Date(CreationDate));
        file.WriteObject(
            $"<< /Title {PdfSyntax.TextString(Title)} /Producer {PdfSyntax.TextString(Producer)} /CreationDate {date} /ModDate {date} >>");
        var fonts = string.Join(" ", _fonts.Select((_, i) => Invariant($"/{FontResourceName(i)} {firstFont + i} 0 R")));
        file.WriteObject(Invariant($"<< /Font << {fonts} >> /ProcSet [/PDF /Text] >>"));

        // WinAnsiEncoding matches the bytes WinAnsiEncoding.Encode produces; without it viewers would use the fonts'
        // built-in encoding, in which accented letters and the euro sign are elsewhere.
        foreach (var font in _fonts)
        {
            file.WriteObject($"<< /Type /Font /Subtype /Type1 /BaseFont /{font.BaseFont} /Encoding /WinAnsiEncoding >>");
        }

        foreach (var page in _pages)
        {
            var mediaBox = $"{PdfSyntax.Number(page.Width)} {PdfSyntax.Number(page.Height)}";
            file.WriteObject(Invariant(
                $"<< /Type /Page /Parent {pageTree} 0 R /MediaBox [0 0 {mediaBox}] /Resources {resources} 0 R /Contents {file.NextObjectNumber + 1} 0 R >>"));
            file.WriteStream(page.Content, CompressContent);
        }

        return file.Finish(catalog, info);
    }

    /// <summary>The resource name pages use for <paramref name="font"/>, registering it on first use so only used fonts are written, in a stable order.</summary>
    internal string FontResourceName(PdfFont font)
    {
        var index = _fonts.IndexOf(font);
        if (index < 0)
        {
            _fonts.Add(font);
            index = _fonts.Count - 1;
        }

        return FontResourceName(index);
    }

    private static string FontResourceName(int index) => Invariant($"F{index + 1}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
