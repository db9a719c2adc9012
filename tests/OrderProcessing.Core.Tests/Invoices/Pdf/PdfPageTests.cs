using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OrderProcessing.Core.Invoices.Pdf;
using OrderProcessing.Testing.Pdf;

namespace OrderProcessing.Core.Tests.Invoices.Pdf;

public partial class PdfPageTests
{
    private static readonly DateTimeOffset Created = new(2024, 3, 5, 14, 30, 15, TimeSpan.Zero);

    private static readonly string[] Amounts = ["1.00", "12.50", "1,234.56", "999,999.99", "0.07", "-42.10", "€ 7,00", "11"];

    private static PdfPage NewPage(out PdfDocumentBuilder document)
    {
        document = new PdfDocumentBuilder("Page", Created) { CompressContent = false };
        return document.AddPage();
    }

    [Test]
    public void RightAlignedNumbers_EndAtTheSameX_ByOurMeasure()
    {
        var page = NewPage(out _);
        for (var i = 0; i < Amounts.Length; i++)
        {
            page.DrawText(Amounts[i], 500, 100 + (12 * i), i % 2 == 0 ? PdfFont.Helvetica : PdfFont.HelveticaBold, 9, PdfTextAlignment.Right);
        }

        var drawn = TextOperations(page);

        Assert.That(drawn.Select(d => d.Text), Is.EqualTo(Amounts));
        Assert.That(drawn.Select(d => d.X + d.Font.MeasureWidth(d.Text, d.Size)), Has.All.EqualTo(500).Within(0.001));
    }

    [Test]
    public void RightAlignedNumbers_EndAtTheSameX_AsPopplerLaysThemOut()
    {
        var page = NewPage(out var document);
        for (var i = 0; i < Amounts.Length; i++)
        {
            page.DrawText(Amounts[i], 500, 100 + (12 * i), i % 2 == 0 ? PdfFont.Helvetica : PdfFont.HelveticaBold, 9, PdfTextAlignment.Right);
        }

        var words = PdfTools.ExtractWords(document.Build());

        // Amounts with a space ("€ 7,00") are two words; the last word of each line is the one that must end at x.
        var lineEnds = words.GroupBy(w => Math.Round(w.YMax)).Select(line => line.Max(w => w.XMax)).ToList();
        Assert.That(lineEnds, Has.Count.EqualTo(Amounts.Length));
        Assert.That(lineEnds, Has.All.EqualTo(500).Within(0.01));
    }

    [Test]
    public void CenteredText_IsCenteredOnX()
    {
        var page = NewPage(out var document);
        page.DrawText("Page 1 of 3", 297.64, 800, PdfFont.Helvetica, 8, PdfTextAlignment.Center);

        var words = PdfTools.ExtractWords(document.Build());

        Assert.That((words.Min(w => w.XMin) + words.Max(w => w.XMax)) / 2, Is.EqualTo(297.64).Within(0.01));
    }

    [Test]
    public void Text_IsPlacedByItsBaseline_FromTheTopLeftCorner()
    {
        var page = NewPage(out var document);
        page.DrawText("Invoice", 56, 100, PdfFont.HelveticaBold, 20);

        var word = PdfTools.ExtractWords(document.Build()).Single();

        Assert.That(word.XMin, Is.EqualTo(56).Within(0.01));
        Assert.That(word.YMin, Is.LessThan(100 - 10), "the capitals rise well above the baseline");
        Assert.That(word.YMax, Is.GreaterThan(100).And.LessThan(100 + 10), "only descenders reach below the baseline");
    }

    [Test]
    public void TooWideText_IsTruncatedWithAnEllipsis_AndStaysInItsColumn()
    {
        // Columns: description from 60 to 300, amount ending at 535.
        var page = NewPage(out var document);
        const string description = "Deluxe stainless steel widget with a remarkably long product name that cannot fit";
        page.DrawText(description, 60, 100, PdfFont.Helvetica, 10, maxWidth: 240);
        page.DrawText("1,234.50", 535, 100, PdfFont.Helvetica, 10, PdfTextAlignment.Right, maxWidth: 80);

        var pdf = document.Build();
        var words = PdfTools.ExtractWords(pdf);

        var descriptionWords = words.Where(w => w.XMin < 300).ToList();
        Assert.That(descriptionWords.Max(w => w.XMax), Is.LessThanOrEqualTo(300));
        Assert.That(descriptionWords[^1].Text, Does.EndWith("…"));
        Assert.That(words[^1].Text, Is.EqualTo("1,234.50"));
        Assert.That(PdfTools.ExtractText(pdf), Does.Contain("Deluxe stainless steel widget"));
    }

    [Test]
    public void TextTooWideForEvenAnEllipsis_IsNotDrawn()
    {
        var page = NewPage(out _);
        page.DrawText("Widget", 60, 100, PdfFont.Helvetica, 10, maxWidth: 5);

        Assert.That(page.Content.ToArray(), Is.Empty);
    }

    [Test]
    public void RectanglesAndLines_AreConvertedToPdfsBottomUpCoordinates()
    {
        var page = NewPage(out _);
        page.FillRectangle(56, 120, 483, 16, 0.9);
        page.DrawLine(56, 136, 539, 136, 0.75, 0.25);

        Assert.That(Encoding.ASCII.GetString(page.Content), Is.EqualTo(
            "0.9 g 56 705.89 483 16 re f\n"
            + "0.75 w 0.25 G 56 705.89 m 539 705.89 l S\n"));
    }

    [Test]
    public void Document_WithRulesAndBands_PassesQpdfCheck()
    {
        var page = NewPage(out var document);
        for (var i = 0; i < 20; i++)
        {
            page.FillRectangle(56, 100 + (20 * i), 483, 10, i % 2 == 0 ? 0.95 : 0.85);
            page.DrawLine(56, 110 + (20 * i), 539, 110 + (20 * i), i * 0.1, i / 20.0);
        }

        PdfTools.AssertValid(document.Build());
    }

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NegativeInfinity)]
    public void NonFiniteCoordinate_IsRejected(double value)
    {
        var page = NewPage(out _);
        Assert.Multiple(() =>
        {
            Assert.That(() => page.DrawText("a", value, 10, PdfFont.Helvetica, 10), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("x"));
            Assert.That(() => page.DrawText("a", 10, value, PdfFont.Helvetica, 10), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("y"));
            Assert.That(() => page.DrawLine(0, 0, value, 0), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("x2"));
            Assert.That(() => page.FillRectangle(0, 0, value, 10, 0.5), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("width"));
            Assert.That(() => page.DrawText("a", 10, 10, PdfFont.Helvetica, value), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("size"));
        });
        Assert.That(page.Content.ToArray(), Is.Empty, "nothing half-written");
    }

    [TestCase(-0.1)]
    [TestCase(1.1)]
    [TestCase(double.NaN)]
    public void GrayOutsideBlackToWhite_IsRejected(double gray)
    {
        var page = NewPage(out _);
        Assert.Multiple(() =>
        {
            Assert.That(() => page.DrawText("a", 10, 10, PdfFont.Helvetica, 10, gray: gray), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => page.DrawLine(0, 0, 10, 0, gray: gray), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => page.FillRectangle(0, 0, 10, 10, gray), Throws.TypeOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void UnknownAlignment_IsRejected()
    {
        var page = NewPage(out _);
        Assert.That(() => page.DrawText("a", 10, 10, PdfFont.Helvetica, 10, (PdfTextAlignment)7), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void NumbersInContent_AreWrittenWithoutCultureOrExponent()
    {
        var page = NewPage(out _);
        page.DrawLine(0.000001, 1e-7, 1234567.891234, -0.0001, 0.1234567);

        Assert.That(Encoding.ASCII.GetString(page.Content), Is.EqualTo("0.123 w 0 G 0 841.89 m 1234567.891 841.89 l S\n"));
    }

    /// <summary>The text operations of an uncompressed page: the text each draws, where it starts and in which font.</summary>
    private static List<(string Text, double X, PdfFont Font, double Size)> TextOperations(PdfPage page)
    {
        // Resource names are given in order of first use, and the tests draw in Helvetica first.
        var fonts = new Dictionary<string, PdfFont> { ["F1"] = PdfFont.Helvetica, ["F2"] = PdfFont.HelveticaBold };
        return TextOperationPattern().Matches(Encoding.Latin1.GetString(page.Content))
            .Select(match => (
                WinAnsiEncoding.Decode(Encoding.Latin1.GetBytes(match.Groups["text"].Value)),
                double.Parse(match.Groups["x"].Value, CultureInfo.InvariantCulture),
                fonts[match.Groups["font"].Value],
                double.Parse(match.Groups["size"].Value, CultureInfo.InvariantCulture)))
            .ToList();
    }

    [GeneratedRegex(@"BT /(?<font>F\d+) (?<size>[\d.]+) Tf [\d.]+ g (?<x>-?[\d.]+) (?<y>-?[\d.]+) Td \((?<text>[^)]*)\) Tj ET")]
    private static partial Regex TextOperationPattern();
}
