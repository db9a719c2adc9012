namespace OrderProcessing.Core.Invoices.Pdf;

/// <summary>
/// Replacement data for text that WinAnsiEncoding cannot represent as is. The globalization-invariant runtime this
/// library targets cannot normalize Unicode, so the decompositions are precomputed here (from Unicode's canonical and
/// compatibility decompositions) instead of being derived at run time.
/// </summary>
internal static class WinAnsiFallback
{
    // One replacement per code point, from U+0100. A letter with a diacritic becomes the closest WinAnsi letter:
    // the same letter with one of its accents when WinAnsi has it ('ǻ' -> 'å', 'ệ' -> 'ê'), else the base letter
    // ('ő' -> 'o', 'ł' -> 'l'). '?' where no letter is close enough. Entries for characters WinAnsi encodes directly
    // (Œ, Š, Ÿ, Ž, ƒ, ...) are never consulted.
    private const int LatinExtendedStart = 0x0100;

    private const string LatinExtended =
          "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGg" // U+0100-U+011F
        + "GgGgHhHhIiIiIiIiIiIiJjKk?LlLlLlL" // U+0120-U+013F
        + "lLlNnNnNn?NnOoOoOoŒœRrRrRrSsSsSs" // U+0140-U+015F
        + "ŠšTtTtTtUuUuUuUuUuUuWwYyŸZzZzŽžs" // U+0160-U+017F
        + "b?????????????????ƒ????I????????" // U+0180-U+019F
        + "Oo?????????????Uu????Zz?????????" // U+01A0-U+01BF
        + "????DDdLLlNNnAaIiOoUuÜüÜüÜüÜü?Ää" // U+01C0-U+01DF
        + "AaÆæGgGgKkOoOo??jDDdGg??NnÅåÆæØø" // U+01E0-U+01FF
        + "AaAaEeEeIiIiOoOoRrRrUuUuSsTt??Hh" // U+0200-U+021F
        + "??????AaEeÖöÕõOoOoYy????????????" // U+0220-U+023F
        + "????????????????"; // U+0240-U+024F

    private const int LatinExtendedAdditionalStart = 0x1E00;

    private const string LatinExtendedAdditional =
          "AaBbBbBbÇçDdDdDdDdDdÈèÉéEeEeEeFf" // U+1E00-U+1E1F
        + "GgHhHhHhHhHhIiÏïKkKkKkLlLlLlLlMm" // U+1E20-U+1E3F
        + "MmMmNnNnNnNnÕõÕõÒòÓóPpPpRrRrRrRr" // U+1E40-U+1E5F
        + "SsSsSsŠšSsTtTtTtTtUuUuUuÚúÜüVvVv" // U+1E60-U+1E7F
        + "WwWwWwWwWwXxXxYyZzZzZzhtwyas??ß?" // U+1E80-U+1E9F
        + "AaAaÂâÂâÂâÂâÂâÁáÀàAaÃãAaEeEeEeÊê" // U+1EA0-U+1EBF
        + "ÊêÊêÊêÊêIiIiOoOoÔôÔôÔôÔôÔôÓóÒòOo" // U+1EC0-U+1EDF
        + "ÕõOoUuUuÚúÙùUuUuUuYyYyYyYy??????"; // U+1EE0-U+1EFF

    // Canonical compositions into WinAnsi letters: Composed[i] is Bases[i] followed by Marks[i]. Used for text that
    // arrives decomposed (for example "e" + U+0301 from some macOS or web sources).
    private const string Composed = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿŠšŸŽž";
    private const string Bases = "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyySsYZz";
    private const string Marks = "\u0300\u0301\u0302\u0303\u0308\u030A\u0327\u0300\u0301\u0302\u0308\u0300\u0301\u0302\u0308\u0303\u0300\u0301\u0302\u0303\u0308\u0300\u0301\u0302\u0308\u0301\u0300\u0301\u0302\u0303\u0308\u030A\u0327\u0300\u0301\u0302\u0308\u0300\u0301\u0302\u0308\u0303\u0300\u0301\u0302\u0303\u0308\u0300\u0301\u0302\u0308\u0301\u0308\u030C\u030C\u0308\u030C\u030C";

    /// <summary>The WinAnsi text that stands in for a code point WinAnsi lacks, or null when there is none.</summary>
    public static string? Replace(int codePoint)
    {
        if (Ligature(codePoint) is { } ligature)
        {
            return ligature;
        }

        if (codePoint >= LatinExtendedStart && codePoint < LatinExtendedStart + LatinExtended.Length)
        {
            return Letter(LatinExtended[codePoint - LatinExtendedStart]);
        }

        if (codePoint >= LatinExtendedAdditionalStart && codePoint < LatinExtendedAdditionalStart + LatinExtendedAdditional.Length)
        {
            return Letter(LatinExtendedAdditional[codePoint - LatinExtendedAdditionalStart]);
        }

        return Punctuation(codePoint);
    }

    /// <summary>The WinAnsi letter that <paramref name="baseLetter"/> followed by the combining <paramref name="mark"/> composes to, if any.</summary>
    public static char? Compose(char baseLetter, char mark)
    {
        for (var i = 0; i < Composed.Length; i++)
        {
            if (Bases[i] == baseLetter && Marks[i] == mark)
            {
                return Composed[i];
            }
        }

        return null;
    }

    private static string? Letter(char replacement) => replacement == '?' ? null : replacement.ToString();

    // Typographic characters with a plain WinAnsi look-alike, so numbers, names and addresses copied from word
    // processors or formatted by culture-aware code (U+202F groups thousands in French) still read correctly.
    private static string? Punctuation(int codePoint) => codePoint switch
    {
        >= 0x2000 and <= 0x200A => " ",
        0x202F or 0x205F or 0x3000 => " ",
        0x2010 or 0x2011 or 0x2012 or 0x2043 or 0x2212 => "-",
        0x2015 => "\u2014",
        0x201B => "\u2018",
        0x201F => "\u201C",
        0x2024 => ".",
        0x2032 => "'",
        0x2033 => "\"",
        0x2044 or 0x2215 => "/",
        0x2027 => "\u00B7",
        _ => null,
    };

    // Letters that are two letters (ligatures, Dutch IJ, Serbo-Croatian digraphs) expand to both, rather than
    // losing one of them.
    private static string? Ligature(int codePoint) => codePoint switch
    {
        0x0132 => "IJ",
        0x0133 => "ij",
        0x01C4 => "D\u017D",
        0x01C5 => "D\u017E",
        0x01C6 => "d\u017E",
        0x01C7 => "LJ",
        0x01C8 => "Lj",
        0x01C9 => "lj",
        0x01CA => "NJ",
        0x01CB => "Nj",
        0x01CC => "nj",
        0x01F1 => "DZ",
        0x01F2 => "Dz",
        0x01F3 => "dz",
        0xFB00 => "ff",
        0xFB01 => "fi",
        0xFB02 => "fl",
        0xFB03 => "ffi",
        0xFB04 => "ffl",
        0xFB05 or 0xFB06 => "st",
        _ => null,
    };
}
