using FsCheck;
using FsCheck.Fluent;
using OrderProcessing.Core.Invoices.Pdf;
using OrderProcessing.Testing.Pdf;

namespace OrderProcessing.Core.Tests.Invoices.Pdf;

public class PdfFontTests
{
    private static readonly DateTimeOffset Created = new(2024, 3, 5, 14, 30, 15, TimeSpan.FromHours(1));

    private static IEnumerable<TestCaseData> AdobeWidths()
    {
        // Values read from Adobe's Helvetica.afm and Helvetica-Bold.afm.
        yield return new TestCaseData(PdfFont.Helvetica, ' ', 278);
        yield return new TestCaseData(PdfFont.Helvetica, 'A', 667);
        yield return new TestCaseData(PdfFont.Helvetica, 'W', 944);
        yield return new TestCaseData(PdfFont.Helvetica, 'i', 222);
        yield return new TestCaseData(PdfFont.Helvetica, '@', 1015);
        yield return new TestCaseData(PdfFont.Helvetica, '0', 556);
        yield return new TestCaseData(PdfFont.Helvetica, '€', 556);
        yield return new TestCaseData(PdfFont.Helvetica, 'é', 556);
        yield return new TestCaseData(PdfFont.Helvetica, '…', 1000);
        yield return new TestCaseData(PdfFont.Helvetica, 'Ÿ', 667);
        yield return new TestCaseData(PdfFont.HelveticaBold, 'A', 722);
        yield return new TestCaseData(PdfFont.HelveticaBold, 'i', 278);
        yield return new TestCaseData(PdfFont.HelveticaBold, '@', 975);
        yield return new TestCaseData(PdfFont.HelveticaBold, 'ÿ', 556);
        yield return new TestCaseData(PdfFont.HelveticaOblique, 'i', 222);
        yield return new TestCaseData(PdfFont.HelveticaBoldOblique, 'i', 278);
        yield return new TestCaseData(PdfFont.Courier, 'i', 600);
        yield return new TestCaseData(PdfFont.CourierBold, 'W', 600);
    }

    [TestCaseSource(nameof(AdobeWidths))]
    public void GlyphWidth_IsTheAdobeMetric(PdfFont font, char character, int thousandths) =>
        Assert.That(font.MeasureWidth(character.ToString(), 1000), Is.EqualTo(thousandths));

    [TestCase("Helvetica")]
    [TestCase("Helvetica-Bold")]
    public void EveryWinAnsiCharacter_IsExtractedAsItself_WithTheWidthWeMeasure(string baseFont)
    {
        // Poppler lays out the standard fonts with its own copy of Adobe's metrics, so this checks our whole table
        // independently: each glyph alone on a line, large, and its extracted box compared with our measurement.
        var font = baseFont == "Helvetica" ? PdfFont.Helvetica : PdfFont.HelveticaBold;
        const double size = 40;
        var characters = Enumerable.Range(0x21, 0xFF - 0x21 + 1)
            .Select(c => WinAnsiEncoding.Decode([(byte)c])[0])
            .Where(c => WinAnsiEncoding.CanEncode(c) && c != '\u00A0')
            .ToList();
        var document = new PdfDocumentBuilder("Glyphs", Created);
        var flow = new PdfPageFlow(document, 40, 40);
        foreach (var character in characters)
        {
            var top = flow.Reserve(48);
            flow.Page.DrawText(character.ToString(), 100, top + 40, font, size);
        }

        var words = PdfTools.ExtractWords(document.Build());

        Assert.That(words.Select(w => w.Text), Is.EqualTo(characters.Select(c => c.ToString())));
        Assert.Multiple(() =>
        {
            foreach (var (character, word) in characters.Zip(words))
            {
                Assert.That(word.XMax - word.XMin, Is.EqualTo(font.MeasureWidth(character.ToString(), size)).Within(0.001), $"'{character}' (U+{(int)character:X4})");
            }
        });
    }

    [Test]
    public void MeasureWidth_IsTheSumOfGlyphWidthsTimesTheSize() =>
        Assert.That(PdfFont.Helvetica.MeasureWidth("AVi", 10), Is.EqualTo((667 + 667 + 222) / 100.0).Within(1e-12));

    [Test]
    public void MeasureWidth_MeasuresAMissingCharacterAsItsReplacement()
    {
        Assert.That(PdfFont.Helvetica.MeasureWidth("Ж", 10), Is.EqualTo(PdfFont.Helvetica.MeasureWidth("?", 10)));
        Assert.That(PdfFont.Helvetica.MeasureWidth("ő", 10), Is.EqualTo(PdfFont.Helvetica.MeasureWidth("o", 10)));
    }

    [Test]
    public void MeasureWidth_RejectsANonPositiveSize() =>
        Assert.That(() => PdfFont.Helvetica.MeasureWidth("a", 0), Throws.TypeOf<ArgumentOutOfRangeException>());

    [Test]
    public void Truncate_LeavesTextThatFitsUnchanged()
    {
        var width = PdfFont.Helvetica.MeasureWidth("Widget", 10);
        Assert.That(PdfFont.Helvetica.Truncate("Widget", 10, width), Is.EqualTo("Widget"));
    }

    [Test]
    public void Truncate_CutsTooWideTextAndEndsItWithAnEllipsis()
    {
        const string text = "Deluxe stainless steel widget";
        var truncated = PdfFont.Helvetica.Truncate(text, 10, 80);
        var kept = truncated[..^1];

        Assert.That(truncated, Does.EndWith("…").And.StartWith("Deluxe sta"));
        Assert.That(kept, Is.EqualTo(text[..kept.Length]));
        Assert.That(PdfFont.Helvetica.MeasureWidth(truncated, 10), Is.LessThanOrEqualTo(80));
        Assert.That(PdfFont.Helvetica.MeasureWidth(text[..(kept.Length + 1)] + "…", 10), Is.GreaterThan(80), "cut earlier than needed");
    }

    [Test]
    public void Truncate_DoesNotLeaveASpaceBeforeTheEllipsis()
    {
        var roomForTwoWords = PdfFont.Helvetica.MeasureWidth("Deluxe stainless …", 10);
        Assert.That(PdfFont.Helvetica.Truncate("Deluxe stainless steel", 10, roomForTwoWords), Is.EqualTo("Deluxe stainless…"));
    }

    [Test]
    public void Truncate_ReturnsNothingWhenNotEvenTheEllipsisFits() =>
        Assert.That(PdfFont.Helvetica.Truncate("Widget", 10, 5), Is.Empty);

    [Test]
    public void Truncate_NeverExceedsTheRoom() =>
        Prop.ForAll(TextSamples.Text, Gen.Choose(0, 2000).ToArbitrary(), (text, tenths) =>
                PdfFont.HelveticaBold.MeasureWidth(PdfFont.HelveticaBold.Truncate(text, 9, tenths / 10.0), 9) <= (tenths / 10.0) + 1e-9)
            .QuickCheckThrowOnFailure();

    [Test]
    public void Wrap_BreaksAtSpaces_KeepingEveryWordInOrder()
    {
        const string text = "Deluxe stainless steel widget with extra long warranty";
        var lines = PdfFont.Helvetica.Wrap(text, 10, 100);

        Assert.That(lines, Has.Count.GreaterThan(1));
        Assert.That(string.Join(" ", lines), Is.EqualTo(text));
        Assert.That(lines.Select(l => PdfFont.Helvetica.MeasureWidth(l, 10)), Has.All.LessThanOrEqualTo(100));
    }

    [Test]
    public void Wrap_CutsAWordWiderThanALine()
    {
        var lines = PdfFont.Helvetica.Wrap("Donaudampfschifffahrtsgesellschaftskapitän", 10, 60);

        Assert.That(lines, Has.Count.GreaterThan(1));
        Assert.That(string.Concat(lines), Is.EqualTo("Donaudampfschifffahrtsgesellschaftskapitän"));
        Assert.That(lines.Select(l => PdfFont.Helvetica.MeasureWidth(l, 10)), Has.All.LessThanOrEqualTo(60));
    }

    [Test]
    public void Wrap_StartsANewLineAtEveryLineBreak() =>
        Assert.That(PdfFont.Helvetica.Wrap("1 Main St\r\nSpringfield\n\n12345", 10, 500), Is.EqualTo(new[] { "1 Main St", "Springfield", string.Empty, "12345" }));

    // Rooms from 11 points: at size 10 the widest glyph ('@') is 10.15 points, and a line holds at least one glyph.
    [Test]
    public void Wrap_NeverMakesALineWiderThanTheRoom() =>
        Prop.ForAll(TextSamples.Text, Gen.Choose(110, 2000).ToArbitrary(), (text, tenths) =>
                PdfFont.Helvetica.Wrap(text, 10, tenths / 10.0).All(line => PdfFont.Helvetica.MeasureWidth(line, 10) <= (tenths / 10.0) + 1e-9))
            .QuickCheckThrowOnFailure();

    [Test]
    public void Wrap_LosesNoCharacterButTheSpacesItBreaksAt() =>
        Prop.ForAll(TextSamples.Text, Gen.Choose(110, 2000).ToArbitrary(), (text, tenths) =>
            {
                var lines = PdfFont.Helvetica.Wrap(text, 10, tenths / 10.0);
                var shown = string.Join(" ", text.ReplaceLineEndings("\n").Split('\n').Select(p => PdfFont.Helvetica.Truncate(p, 10, double.PositiveInfinity)));
                return string.Concat(lines).Replace(" ", string.Empty, StringComparison.Ordinal) == shown.Replace(" ", string.Empty, StringComparison.Ordinal);
            })
            .QuickCheckThrowOnFailure();
}
