namespace OrderProcessing.Core.Invoices.Pdf;

/// <summary>
/// Lays blocks out from top to bottom across as many pages as they need: each block asks for its height, and when it
/// does not fit above the bottom margin the flow starts a new page first, so a block (a table row, a paragraph) is
/// never split across pages.
/// </summary>
/// <example>
/// <code>
/// var flow = new PdfPageFlow(document, topMargin: 56, bottomMargin: 56, pageStarted: f =>
/// {
///     // Runs for every page, so the column headings repeat.
///     var top = f.Reserve(16);
///     f.Page.FillRectangle(56, top, 483, 16, gray: 0.9);
///     f.Page.DrawText("Item", 60, top + 11, PdfFont.HelveticaBold, 9);
/// });
/// foreach (var line in lines)
/// {
///     var top = flow.Reserve(14);
///     flow.Page.DrawText(line.Name, 60, top + 10, PdfFont.Helvetica, 9, maxWidth: 300);
/// }
/// </code>
/// </example>
public sealed class PdfPageFlow
{
    private readonly PdfDocumentBuilder _document;
    private readonly Action<PdfPageFlow>? _pageStarted;
    private PdfPage _page;
    private bool _startingPage;

    /// <summary>Starts a flow on a new page of <paramref name="document"/> (running <paramref name="pageStarted"/> for it).</summary>
    /// <param name="document">The document to add pages to; pages get its <see cref="PdfDocumentBuilder.PageSize"/>.</param>
    /// <param name="topMargin">Where content starts on each page, in points from the top edge.</param>
    /// <param name="bottomMargin">How much room to leave free at the bottom of each page, in points.</param>
    /// <param name="pageStarted">
    /// Called right after each page is started, the first included, to draw what every page repeats (a running head,
    /// column headings). It may draw and reserve space on <see cref="Page"/>, but what it reserves must fit on the page.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A margin is negative, or the margins leave no room on the page.</exception>
    public PdfPageFlow(PdfDocumentBuilder document, double topMargin, double bottomMargin, Action<PdfPageFlow>? pageStarted = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        PdfGuard.Length(topMargin);
        PdfGuard.Length(bottomMargin);
        if (topMargin + bottomMargin >= document.PageSize.Height)
        {
            throw new ArgumentOutOfRangeException(nameof(bottomMargin), bottomMargin, "The margins leave no room on the page.");
        }

        _document = document;
        TopMargin = topMargin;
        BottomMargin = bottomMargin;
        _pageStarted = pageStarted;
        _page = StartPage();
    }

    /// <summary>Where content starts on each page, in points from the top edge.</summary>
    public double TopMargin { get; }

    /// <summary>The room left free at the bottom of each page, in points.</summary>
    public double BottomMargin { get; }

    /// <summary>The page being filled.</summary>
    public PdfPage Page => _page;

    /// <summary>The top of the free space on <see cref="Page"/>, in points from the top edge.</summary>
    public double Y { get; private set; }

    /// <summary>The height still free on <see cref="Page"/> above the bottom margin, in points.</summary>
    public double RemainingHeight => Math.Max(0, _page.Height - BottomMargin - Y);

    /// <summary>
    /// Takes <paramref name="height"/> points of vertical space for the next block, on a new page if the current one
    /// has too little left. Draw the block on <see cref="Page"/> afterwards.
    /// </summary>
    /// <param name="height">The block's height in points; not negative, and no more than a page holds between the margins.</param>
    /// <returns>The top of the reserved space in points from the top edge of <see cref="Page"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="height"/> is negative or taller than a page holds.</exception>
    /// <exception cref="InvalidOperationException">The block cannot fit even on a new page, after what <c>pageStarted</c> reserves there.</exception>
    public double Reserve(double height)
    {
        PdfGuard.Length(height);
        if (height > _page.Height - TopMargin - BottomMargin)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, "The block is taller than a page holds between its margins.");
        }

        if (!Fits(height))
        {
            if (_startingPage)
            {
                throw new InvalidOperationException("What pageStarted reserves does not fit on one page.");
            }

            _page = StartPage();
            if (!Fits(height))
            {
                throw new InvalidOperationException(
                    "The block does not fit even on a new page, below what pageStarted reserves there; make the block or the page head smaller.");
            }
        }

        var top = Y;
        Y += height;
        return top;
    }

    /// <summary>Ends the current page and continues on a new one, for example before a section that should start on its own page.</summary>
    /// <exception cref="InvalidOperationException">Called from <c>pageStarted</c>, which would start pages forever.</exception>
    public void StartNewPage()
    {
        if (_startingPage)
        {
            throw new InvalidOperationException("pageStarted cannot start another page.");
        }

        _page = StartPage();
    }

    // Same tolerance as for text widths: a block that exactly fills the page must not start a new one.
    private bool Fits(double height) => Y + height <= _page.Height - BottomMargin + 1e-9;

    private PdfPage StartPage()
    {
        _page = _document.AddPage();
        Y = TopMargin;
        _startingPage = true;
        try
        {
            _pageStarted?.Invoke(this);
        }
        finally
        {
            _startingPage = false;
        }

        return _page;
    }
}
