using FsCheck;
using FsCheck.Fluent;

namespace OrderProcessing.Core.Tests.Invoices.Pdf;

/// <summary>Text test data: the names and symbols invoices meet, and generated text mixing them with everything that could break a PDF string.</summary>
public static class TextSamples
{
    /// <summary>Western European names and symbols that WinAnsi encodes, so they must come out of the PDF unchanged.</summary>
    public const string AccentedNames = "José Müller-Peña, François Çelik, Søren Ødegård, Åsa Straße, Œuvre Šimon Žižek, Ÿves — “quoted” ‘single’ – 12,50 € … • ™";

    // Pieces are whole characters (a surrogate pair, a letter with its combining mark) or deliberately broken ones.
    private static readonly string[] Pieces =
    [
        "a", "Z", "0", " ", "  ", "(", ")", "\\", "%", "/", "<", ">", "[", "]", "#",
        "é", "ü", "ñ", "ç", "ø", "Å", "ß", "œ", "Š", "€", "“", "”", "–", "—", "…", "\u00A0",
        "ő", "ł", "ș", "ř", "ệ", "ﬁ", "Ĳ",
        "Ж", "漢", "😀", "👍🏽", "🇩🇪", "👨\u200D👩\u200D👧",
        "e\u0301", "o\u030B", "\u0301",
        "\0", "\t", "\n", "\r\n", "\u0007", "\u007F", "\u0085", "\u0090",
        "\u00AD", "\u200B", "\uFEFF", "\u202E", "\uFE0F",
        "\uD800", "\uDC00", "\u202F", "\u2212",
    ];

    /// <summary>Random text built from <see cref="Pieces"/>, up to a few dozen characters long.</summary>
    public static Arbitrary<string> Text { get; } =
        Gen.ListOf(Gen.Elements(Pieces)).Select(pieces => string.Concat(pieces)).ToArbitrary();
}
