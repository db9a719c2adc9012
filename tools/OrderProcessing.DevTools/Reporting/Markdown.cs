using System.Globalization;
using System.Text;

namespace OrderProcessing.DevTools.Reporting;

/// <summary>Markdown for the generated reports (RELIABILITY.md, BENCHMARKS.md): tables with escaped cells and invariant-culture numbers.</summary>
public static class Markdown
{
    /// <summary>A table with <paramref name="header"/> and <paramref name="rows"/>, each line ending in a newline.</summary>
    public static string Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, ColumnAlignment alignment = ColumnAlignment.Left)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", header.Select(Cell)).Append(" |\n");
        if (alignment == ColumnAlignment.NumbersRight)
        {
            text.Append("| --- |").Append(string.Concat(Enumerable.Repeat(" ---: |", header.Count - 1))).Append('\n');
        }
        else
        {
            text.Append('|').AppendJoin('|', header.Select(_ => " --- ")).Append("|\n");
        }

        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
        }

        return text.ToString();
    }

    /// <summary>Text safe inside a table cell or inline code.</summary>
    public static string Cell(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
    }

    /// <summary>A whole number with thousands separators.</summary>
    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A number with <paramref name="decimals"/> decimals and thousands separators; "n/a" for NaN or infinity.</summary>
    public static string Number(double value, int decimals = 0) =>
        double.IsNaN(value) || double.IsInfinity(value) ? "n/a" : value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A share as a percentage with up to two decimals.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>Bytes as KB with one decimal (1 KB = 1,024 bytes, as BenchmarkDotNet prints them).</summary>
    public static string Kilobytes(double bytes) => Number(bytes / 1024, 1) + " KB";

    /// <summary>Bytes as MiB with two decimals and the exact count.</summary>
    public static string Mebibytes(long bytes) => $"{Number(bytes / 1024.0 / 1024, 2)} MiB ({Number(bytes)} bytes)";

    /// <summary>A change from <paramref name="before"/> to <paramref name="after"/> as a signed percentage.</summary>
    public static string Change(double before, double after) =>
        before == 0 || double.IsNaN(before) || double.IsNaN(after) ? "n/a" : (after / before - 1).ToString("+0%;-0%;0%", CultureInfo.InvariantCulture);

    /// <summary>Met or missed.</summary>
    public static string Verdict(bool met) => met ? "**met**" : "**missed**";
}
