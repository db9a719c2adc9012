using System.Text;
using FsCheck;
using FsCheck.Fluent;
using OrderProcessing.Core.Invoices.Pdf;

namespace OrderProcessing.Core.Tests.Invoices.Pdf;

public class WinAnsiEncodingTests
{
    // The five codes code page 1252 leaves unassigned, DEL, and the soft hyphen (encodable but never drawn).
    private static readonly byte[] NotWritten = [0x7F, 0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xAD];

    private static string Encoded(string text) => Encoding.Latin1.GetString(WinAnsiEncoding.Encode(text));

    private static string Shown(string text) => WinAnsiEncoding.Decode(WinAnsiEncoding.Encode(text));

    [Test]
    public void Encode_AgreesWithCodePage1252_ForEveryCharacterItEncodes()
    {
        // The platform's code page 1252 is an independent reference for our built-in table.
        var cp1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var encodable = 0;
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            if (WinAnsiEncoding.CanEncode(c))
            {
                encodable++;
                Assert.That(WinAnsiEncoding.Encode(c.ToString()), Is.EqualTo(cp1252.GetBytes(c.ToString())), $"U+{(int)c:X4}");
            }
        }

        // Every code from the space to 0xFF except those never written.
        Assert.That(encodable, Is.EqualTo(0x100 - 0x20 - NotWritten.Length));
    }

    [TestCase("é", 0xE9)]
    [TestCase("ü", 0xFC)]
    [TestCase("ñ", 0xF1)]
    [TestCase("ç", 0xE7)]
    [TestCase("ø", 0xF8)]
    [TestCase("Å", 0xC5)]
    [TestCase("ß", 0xDF)]
    [TestCase("œ", 0x9C)]
    [TestCase("Š", 0x8A)]
    [TestCase("ž", 0x9E)]
    [TestCase("€", 0x80)]
    [TestCase("“", 0x93)]
    [TestCase("”", 0x94)]
    [TestCase("‘", 0x91)]
    [TestCase("’", 0x92)]
    [TestCase("–", 0x96)]
    [TestCase("—", 0x97)]
    [TestCase("…", 0x85)]
    [TestCase("\u00A0", 0xA0)]
    public void WesternEuropeanCharacter_IsEncodedAsItsCodePage1252Byte(string text, int expected) =>
        Assert.That(WinAnsiEncoding.Encode(text), Is.EqualTo(new[] { (byte)expected }));

    [TestCase("e\u0301", "é")]
    [TestCase("n\u0303", "ñ")]
    [TestCase("S\u030C", "Š")]
    [TestCase("A\u030A", "Å")]
    [TestCase("Jose\u0301 Mu\u0308ller", "José Müller")]
    public void DecomposedAccent_IsComposedIntoTheAccentedLetter(string text, string expected) =>
        Assert.That(Shown(text), Is.EqualTo(expected));

    [TestCase("o\u030B", "o")]
    [TestCase("x\u0301\u0327", "x")]
    [TestCase("\u0301a", "a")]
    public void MarkThatDoesNotCompose_IsDropped_KeepingItsLetter(string text, string expected) =>
        Assert.That(Shown(text), Is.EqualTo(expected));

    [TestCase("ő", "o")]
    [TestCase("Kővári", "Kovári")]
    [TestCase("Łukasz Wałęsa", "Lukasz Walesa")]
    [TestCase("Dvořák", "Dvorák")]
    [TestCase("Ștefan Țiriac", "Stefan Tiriac")]
    [TestCase("İstanbul ğ ı", "Istanbul g i")]
    [TestCase("Nguyễn Thị Phương", "Nguyên Thi Phuong")]
    [TestCase("ǻ Ǿ", "å Ø")]
    [TestCase("ﬁne ﬂow", "fine flow")]
    [TestCase("Ĳssel", "IJssel")]
    public void LatinLetterOutsideWinAnsi_BecomesTheNearestLetterItHas(string text, string expected) =>
        Assert.That(Shown(text), Is.EqualTo(expected));

    [TestCase("Петров", "??????")]
    [TestCase("漢字", "??")]
    [TestCase("Ωmega", "?mega")]
    [TestCase("😀", "?")]
    [TestCase("👍🏽", "?")]
    [TestCase("🇩🇪", "?")]
    [TestCase("👨\u200D👩\u200D👧", "?")]
    [TestCase("❤\uFE0F", "?")]
    [TestCase("\uE000", "?")]
    public void CharacterOutsideWinAnsi_BecomesOneQuestionMarkPerCharacter(string text, string expected) =>
        Assert.That(Shown(text), Is.EqualTo(expected));

    [Test]
    public void UnpairedSurrogate_BecomesQuestionMark()
    {
        // Built in code: attribute arguments are stored as UTF-8, which cannot hold an unpaired surrogate.
        var high = new string('\uD800', 1);
        var low = new string('\uDC00', 1);
        Assert.That(Shown(high + "x" + low + low + high), Is.EqualTo("?x???"));
    }

    [Test]
    public void LineBreaksAndTabs_BecomeSpaces() =>
        Assert.That(Shown("a\r\nb\tc\nd\re\u0085f\u2028g"), Is.EqualTo("a b c d e f g"));

    [Test]
    public void OtherControlCharacters_BecomeQuestionMarks() =>
        Assert.That(Shown("a\0b\u0007c\u001Bd\u007Fe\u0090f"), Is.EqualTo("a?b?c?d?e?f"));

    [Test]
    public void InvisibleFormatCharacters_AreDropped() =>
        Assert.That(Shown("\uFEFFsoft\u00ADhy\u200Bphen\u200E\u202E!"), Is.EqualTo("softhyphen!"));

    [Test]
    public void TypographicSpacesDashesAndPrimes_BecomeTheirPlainForms() =>
        Assert.That(Shown("1\u202F234\u2009€ \u2212 5\u20115 6\u20327\u2033"), Is.EqualTo("1 234 € - 5-5 6'7\""));

    [Test]
    public void EveryReplacement_IsMadeOfCharactersTheFontsHave()
    {
        for (var codePoint = 0; codePoint <= 0x10FFFF; codePoint++)
        {
            if (WinAnsiFallback.Replace(codePoint) is { } replacement)
            {
                Assert.That(replacement.All(WinAnsiEncoding.CanEncode), Is.True, $"U+{codePoint:X4} -> \"{replacement}\"");
            }
        }
    }

    [Test]
    public void Encode_NeverWritesAControlByteOrAnUnassignedCode() =>
        Prop.ForAll(TextSamples.Text, text =>
                WinAnsiEncoding.Encode(text).All(b => b >= 0x20 && !NotWritten.Contains(b)))
            .QuickCheckThrowOnFailure();

    [Test]
    public void Encode_KeepsWhatItHasAlreadyEncoded() =>
        Prop.ForAll(TextSamples.Text, text =>
            {
                var encoded = WinAnsiEncoding.Encode(text);
                return WinAnsiEncoding.Encode(WinAnsiEncoding.Decode(encoded)).SequenceEqual(encoded);
            })
            .QuickCheckThrowOnFailure();

    [Test]
    public void Encode_KeepsPrintableAsciiUnchanged()
    {
        var ascii = new string([.. Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c)]);
        Assert.That(Encoded(ascii), Is.EqualTo(ascii));
    }

    [Test]
    public void Encode_RejectsNull() =>
        Assert.That(() => WinAnsiEncoding.Encode(null!), Throws.ArgumentNullException);

    [TestCase('A', true)]
    [TestCase('é', true)]
    [TestCase('€', true)]
    [TestCase('\u00A0', true)]
    [TestCase('ő', false)]
    [TestCase('Ж', false)]
    [TestCase('\n', false)]
    [TestCase('\u00AD', false)]
    [TestCase('\uD83D', false)]
    public void CanEncode_IsTrueExactlyForCharactersDrawnAsThemselves(char character, bool expected) =>
        Assert.That(WinAnsiEncoding.CanEncode(character), Is.EqualTo(expected));
}
