using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using OrderProcessing.Core.Invoices.Pdf;
using OrderProcessing.Testing.Pdf;

namespace OrderProcessing.Core.Tests.Invoices.Pdf;

public partial class PdfDocumentBuilderTests
{
    private static readonly DateTimeOffset Created = new(2024, 3, 5, 14, 30, 15, TimeSpan.FromHours(1));

    /// <summary>A page shaped like an invoice: heading, header row on a gray band, rules, both fonts, right-aligned amounts.</summary>
    private static PdfDocumentBuilder InvoiceLikeDocument(bool compress = true, string title = "Invoice 2024-0042")
    {
        var document = new PdfDocumentBuilder(title, Created) { CompressContent = compress };
        var page = document.AddPage();
        page.DrawText("Invoice 2024-0042", 56, 80, PdfFont.HelveticaBold, 18);
        page.DrawText(TextSamples.AccentedNames, 56, 100, PdfFont.Helvetica, 8);
        page.FillRectangle(56, 120, 483, 16, 0.9);
        page.DrawText("Item", 60, 131, PdfFont.HelveticaBold, 9);
        page.DrawText("Amount", 535, 131, PdfFont.HelveticaBold, 9, PdfTextAlignment.Right);
        page.DrawLine(56, 136, 539, 136, 0.75, 0.3);
        page.DrawText("Widget (large) \\ blue", 60, 150, PdfFont.Helvetica, 9, maxWidth: 300);
        page.DrawText("1,234.50", 535, 150, PdfFont.Helvetica, 9, PdfTextAlignment.Right);
        page.DrawText("Page 1 of 1", 297.64, 800, PdfFont.HelveticaOblique, 8, PdfTextAlignment.Center, gray: 0.4);
        return document;
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Document_PassesQpdfCheck(bool compress) =>
        PdfTools.AssertValid(InvoiceLikeDocument(compress).Build());

    [Test]
    public void Document_HasTitleProducerCreationDateAndA4Pages()
    {
        var info = PdfTools.Info(InvoiceLikeDocument(title: "Invoice 2024-0042 – Łódź (copy)").Build());

        Assert.Multiple(() =>
        {
            Assert.That(info["Title"], Is.EqualTo("Invoice 2024-0042 – Łódź (copy)"));
            Assert.That(info["Producer"], Is.EqualTo("OrderProcessing.Core"));
            Assert.That(info["CreationDate"], Is.EqualTo("2024-03-05T14:30:15+01"));
            Assert.That(info["Pages"], Is.EqualTo("1"));
            Assert.That(info["Page size"], Does.StartWith("595.28 x 841.89 pts (A4)"));
            Assert.That(info["PDF version"], Is.EqualTo("1.4"));
        });
    }

    [TestCase(0, "D:20240305143015Z")]
    [TestCase(-330, "D:20240305143015-05'30'")]
    [TestCase(60, "D:20240305143015+01'00'")]
    public void CreationDate_IsWrittenWithItsOffsetFromUtc(int offsetMinutes, string expected)
    {
        var created = new DateTimeOffset(2024, 3, 5, 14, 30, 15, TimeSpan.FromMinutes(offsetMinutes));
        var document = new PdfDocumentBuilder("t", created);
        document.AddPage();

        Assert.That(Encoding.Latin1.GetString(document.Build()), Does.Contain($"/CreationDate ({expected})"));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void SameInput_GivesByteIdenticalOutput(bool compress)
    {
        var first = InvoiceLikeDocument(compress).Build();
        var second = InvoiceLikeDocument(compress).Build();

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Build_CanBeRepeated_GivingTheSameBytes()
    {
        var document = InvoiceLikeDocument();
        var first = document.Build();

        Assert.That(document.Build(), Is.EqualTo(first));
    }

    [Test]
    public void DifferentContent_GivesADifferentFileIdentifier()
    {
        static string Id(byte[] pdf) => IdPattern().Match(Encoding.Latin1.GetString(pdf)).Groups[1].Value;
        var other = InvoiceLikeDocument();
        other.CurrentPage.DrawText("x", 10, 10, PdfFont.Helvetica, 9);

        Assert.That(Id(InvoiceLikeDocument().Build()), Is.Not.EqualTo(Id(other.Build())).And.Not.Empty);
    }

    [Test]
    public void AccentedLatinName_IsExtractedByPdftotext()
    {
        var document = new PdfDocumentBuilder("Names", Created);
        document.AddPage().DrawText(TextSamples.AccentedNames, 40, 100, PdfFont.Helvetica, 9);
        document.CurrentPage.DrawText(TextSamples.AccentedNames, 40, 120, PdfFont.HelveticaBold, 9);

        var pdf = document.Build();

        PdfTools.AssertValid(pdf);
        var lines = PdfTools.ExtractText(pdf).Split('\n').Select(l => l.Trim()).ToList();
        Assert.That(lines.Count(l => l == TextSamples.AccentedNames), Is.EqualTo(2), string.Join("\n", lines));
    }

    [Test]
    public void CharacterOutsideFont_DegradesToQuestionMark_AndFileStaysValid()
    {
        var document = new PdfDocumentBuilder("Degraded", Created);
        document.AddPage().DrawText("Ivan Петров 😀 漢字 ok", 40, 100, PdfFont.Helvetica, 10);

        var pdf = document.Build();

        PdfTools.AssertValid(pdf);
        Assert.That(PdfTools.ExtractText(pdf).Trim(), Is.EqualTo("Ivan ?????? ? ?? ok"));
    }

    [Test]
    public void LatinLetterOutsideWinAnsi_DegradesToItsBaseLetter_InTheExtractedText()
    {
        var document = new PdfDocumentBuilder("Degraded", Created);
        document.AddPage().DrawText("Kővári Łukasz Dvořák", 40, 100, PdfFont.Helvetica, 10);

        Assert.That(PdfTools.ExtractText(document.Build()).Trim(), Is.EqualTo("Kovári Lukasz Dvorák"));
    }

    [Test]
    public void ParenthesesAndBackslashes_SurviveIntoTheExtractedText()
    {
        const string text = @"Smith (Jr.) \ C:\temp\ ((nested)) )( \( \) end\";
        var document = new PdfDocumentBuilder(text, Created) { CompressContent = false };
        document.AddPage().DrawText(text, 40, 100, PdfFont.Helvetica, 10);

        var pdf = document.Build();

        PdfTools.AssertValid(pdf);
        Assert.That(PdfTools.ExtractText(pdf).Trim(), Is.EqualTo(text));
        Assert.That(PdfTools.Info(pdf)["Title"], Is.EqualTo(text));
        Assert.That(Encoding.Latin1.GetString(pdf), Does.Contain(@"(Smith \(Jr.\) \\ C:\\temp\\ \(\(nested\)\) \)\( \\\( \\\) end\\) Tj"));
    }

    [Test]
    public void ControlCharacters_NeverBreakTheFile()
    {
        var document = new PdfDocumentBuilder("Controls\r\n\0", Created);
        document.AddPage().DrawText("a\0b\r\nc\td\u0007e\u007Ff\u001B", 40, 100, PdfFont.Helvetica, 10);

        var pdf = document.Build();

        PdfTools.AssertValid(pdf);
        Assert.That(PdfTools.ExtractText(pdf).Trim(), Is.EqualTo("a?b c d?e?f?"));
    }

    [Test]
    public void AnyText_GivesAValidFileWhoseTextIsWhatTheEncoderShows()
    {
        // Each case is one file of many generated lines, so the external tools run only ten times; on failure FsCheck
        // reports the lines and the seed to replay them.
        var files = Gen.ListOf(TextSamples.Text.Generator).Select(texts => texts.ToList()).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(10), Prop.ForAll(files, IsValidAndShowsWhatTheEncoderShows));
    }

    private static bool IsValidAndShowsWhatTheEncoderShows(List<string> texts)
    {
        var document = new PdfDocumentBuilder("Generated", Created);
        var flow = new PdfPageFlow(document, 40, 40);
        foreach (var (text, i) in texts.Select((t, i) => (t, i)))
        {
            // Size 5 keeps even a hundred of the widest glyphs on the page, where pdftotext can see them.
            var top = flow.Reserve(12);
            flow.Page.DrawText($"{i:D3}:{text}", 20, top + 8, PdfFont.Helvetica, 5);
        }

        var pdf = document.Build();
        PdfTools.AssertValid(pdf);
        var extracted = CollapseSpaces(PdfTools.ExtractText(pdf).Replace('\u00A0', ' '));
        return texts.Select((text, i) => CollapseSpaces(WinAnsiEncoding.Decode(WinAnsiEncoding.Encode($"{i:D3}:{text}")).Replace('\u00A0', ' ')))
            .All(shown => extracted.Contains(shown, StringComparison.Ordinal));
    }

    [Test]
    public void OnlyTheFontsDrawnWith_AreWritten()
    {
        var document = new PdfDocumentBuilder("Fonts", Created);
        document.AddPage().DrawText("Bold only", 40, 100, PdfFont.HelveticaBold, 10);
        var pdf = Encoding.Latin1.GetString(document.Build());

        Assert.That(pdf, Does.Contain("/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding"));
        Assert.That(pdf, Does.Not.Contain("/BaseFont /Helvetica "));
    }

    [Test]
    public void CrossReferenceTable_GivesEveryObjectsOffset()
    {
        var pdf = InvoiceLikeDocument().Build();
        var text = Encoding.Latin1.GetString(pdf);
        var startXref = int.Parse(StartXrefPattern().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
        var xref = text[startXref..];
        var entries = XrefEntryPattern().Matches(xref);

        Assert.That(xref, Does.StartWith("xref\n0 "));
        Assert.That(entries, Has.Count.GreaterThan(5));
        for (var number = 1; number < entries.Count; number++)
        {
            var offset = int.Parse(entries[number].Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.That(text[offset..], Does.StartWith($"{number} 0 obj\n"), $"object {number}");
        }
    }

    [Test]
    public void Build_WithoutAPage_IsRejected() =>
        Assert.That(() => new PdfDocumentBuilder("Empty", Created).Build(), Throws.InvalidOperationException);

    [Test]
    public void CurrentPage_BeforeAnyPage_IsRejected() =>
        Assert.That(() => new PdfDocumentBuilder("Empty", Created).CurrentPage, Throws.InvalidOperationException);

    [Test]
    public void AddPage_NumbersPagesAndMakesTheNewOneCurrent()
    {
        var document = new PdfDocumentBuilder("Pages", Created);
        var first = document.AddPage();
        var second = document.AddPage(PdfPageSize.Letter);

        Assert.Multiple(() =>
        {
            Assert.That(document.CurrentPage, Is.SameAs(second));
            Assert.That(document.Pages, Is.EqualTo(new[] { first, second }));
            Assert.That((first.Number, second.Number), Is.EqualTo((1, 2)));
            Assert.That((second.Width, second.Height), Is.EqualTo((612d, 792d)));
        });
        Assert.That(PdfTools.PageCount(document.Build()), Is.EqualTo(2));
    }

    [Test]
    public void AddPage_WithTheEmptyDefaultSize_IsRejected() =>
        Assert.That(() => new PdfDocumentBuilder("t", Created).AddPage(default), Throws.ArgumentException);

    private static string CollapseSpaces(string text) => SpacesPattern().Replace(text, " ").Trim();

    [GeneratedRegex(@"/ID \[<([0-9A-F]+)>")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"startxref\n(\d+)\n%%EOF\n$")]
    private static partial Regex StartXrefPattern();

    [GeneratedRegex(@"(\d{10}) (\d{5}) [nf]\r\n")]
    private static partial Regex XrefEntryPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacesPattern();
}
