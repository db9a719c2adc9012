using System.Globalization;
using OrderProcessing.Core.Invoices.Pdf;
using OrderProcessing.Testing.Pdf;

namespace OrderProcessing.Core.Tests.Invoices.Pdf;

public class PdfPageFlowTests
{
    private const double Margin = 56;
    private static readonly DateTimeOffset Created = new(2024, 3, 5, 14, 30, 15, TimeSpan.Zero);

    [Test]
    public void HundredLines_SpanSeveralPages()
    {
        var document = new PdfDocumentBuilder("Hundred lines", Created);
        var flow = new PdfPageFlow(document, Margin, Margin, f =>
        {
            var top = f.Reserve(18);
            f.Page.FillRectangle(Margin, top, 483, 16, 0.9);
            f.Page.DrawText("Description", 60, top + 11, PdfFont.HelveticaBold, 9);
            f.Page.DrawText("Amount", 535, top + 11, PdfFont.HelveticaBold, 9, PdfTextAlignment.Right);
        });
        for (var i = 1; i <= 100; i++)
        {
            var top = flow.Reserve(14);
            flow.Page.DrawText($"Line {i:D3} widget", 60, top + 10, PdfFont.Helvetica, 9);
            flow.Page.DrawText(string.Create(CultureInfo.InvariantCulture, $"{i * 1.25:F2}"), 535, top + 10, PdfFont.Helvetica, 9, PdfTextAlignment.Right);
        }

        foreach (var page in document.Pages)
        {
            page.DrawText($"Page {page.Number} of {document.Pages.Count}", 297.64, 820, PdfFont.Helvetica, 8, PdfTextAlignment.Center);
        }

        var pdf = document.Build();

        PdfTools.AssertValid(pdf);
        Assert.That(PdfTools.PageCount(pdf), Is.GreaterThan(1).And.EqualTo(document.Pages.Count));

        var pages = PdfTools.ExtractPages(pdf);
        var rows = pages.SelectMany(p => p.Split('\n')).Select(l => l.Trim()).Where(l => l.StartsWith("Line ", StringComparison.Ordinal)).ToList();
        var expectedRows = Enumerable.Range(1, 100).Select(i => string.Create(CultureInfo.InvariantCulture, $"Line {i:D3} widget {i * 1.25:F2}"));
        Assert.That(rows.Select(CollapseSpaces), Is.EqualTo(expectedRows), "every line once, in order, with its amount");
        Assert.That(pages, Has.All.Contain("Description").And.All.Contain("Amount"), "the column headings repeat on every page");
        Assert.That(pages.Select((p, i) => p.Contains($"Page {i + 1} of {pages.Count}", StringComparison.Ordinal)), Has.All.True);

        // The footer sits in the bottom margin on purpose (baseline 820); everything above it belongs to the flow.
        var flowWords = PdfTools.ExtractWords(pdf).Where(w => w.YMin < 810).ToList();
        Assert.That(flowWords, Has.Count.GreaterThan(300));
        Assert.That(flowWords.Max(w => w.YMax), Is.LessThanOrEqualTo(PdfPageSize.A4.Height - Margin), "no row reaches into the bottom margin");
    }

    private static string CollapseSpaces(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [Test]
    public void Block_ThatDoesNotFit_MovesWholeToTheNextPage()
    {
        var document = new PdfDocumentBuilder("Flow", Created);
        var flow = new PdfPageFlow(document, Margin, Margin);
        var usable = PdfPageSize.A4.Height - (2 * Margin);

        Assert.That(flow.Reserve(usable - 10), Is.EqualTo(Margin));
        var first = flow.Page;
        Assert.That(flow.Reserve(20), Is.EqualTo(Margin));

        Assert.That(flow.Page, Is.Not.SameAs(first));
        Assert.That(document.Pages, Has.Count.EqualTo(2));
        Assert.That(flow.Y, Is.EqualTo(Margin + 20));
    }

    [Test]
    public void Block_ThatExactlyFillsThePage_StaysOnIt()
    {
        var document = new PdfDocumentBuilder("Flow", Created);
        var flow = new PdfPageFlow(document, Margin, Margin);
        var usable = PdfPageSize.A4.Height - (2 * Margin);

        for (var i = 0; i < 10; i++)
        {
            flow.Reserve(usable / 10);
        }

        Assert.That(document.Pages, Has.Count.EqualTo(1));
        Assert.That(flow.RemainingHeight, Is.EqualTo(0).Within(1e-9));
    }

    [Test]
    public void PageStarted_RunsForEveryPage_TheFirstIncluded()
    {
        var started = new List<int>();
        var document = new PdfDocumentBuilder("Flow", Created);
        var flow = new PdfPageFlow(document, Margin, Margin, f => started.Add(f.Page.Number));

        flow.StartNewPage();
        flow.Reserve(PdfPageSize.A4.Height - (2 * Margin));
        flow.Reserve(1);

        Assert.That(started, Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public void BlockTallerThanAPage_IsRejected()
    {
        var flow = new PdfPageFlow(new PdfDocumentBuilder("Flow", Created), Margin, Margin);
        Assert.That(() => flow.Reserve(PdfPageSize.A4.Height), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void PageHeadThatLeavesNoRoomForTheBlock_IsRejected_InsteadOfAddingPagesForever()
    {
        var document = new PdfDocumentBuilder("Flow", Created);
        var flow = new PdfPageFlow(document, Margin, Margin, f => f.Reserve(700));

        Assert.That(() => flow.Reserve(100), Throws.InvalidOperationException);
        Assert.That(document.Pages, Has.Count.EqualTo(2));
    }

    [Test]
    public void PageHeadThatStartsAnotherPage_IsRejected() =>
        Assert.That(
            () => new PdfPageFlow(new PdfDocumentBuilder("Flow", Created), Margin, Margin, f => f.StartNewPage()),
            Throws.InvalidOperationException);

    [Test]
    public void MarginsThatLeaveNoRoom_AreRejected() =>
        Assert.That(
            () => new PdfPageFlow(new PdfDocumentBuilder("Flow", Created), 500, 400),
            Throws.TypeOf<ArgumentOutOfRangeException>());
}
