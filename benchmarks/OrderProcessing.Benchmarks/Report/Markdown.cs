using System.Globalization;
using System.Text;

namespace OrderProcessing.Benchmarks.Report;

/// <summary>Markdown tables and number formatting for the report (invariant culture, thousands separators).</summary>
public static class Markdown
{
    /// <summary>A table with <paramref name="header"/> and <paramref name="rows"/>; columns after the first are right-aligned.</summary>
    public static string Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", header).Append(" |\n");
        text.Append("| --- |").Append(string.Concat(Enumerable.Repeat(" ---: |", header.Count - 1))).Append('\n');
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary>A number with <paramref name="decimals"/> decimals and thousands separators; "n/a" for NaN.</summary>
    public static string Number(double value, int decimals = 0) =>
        double.IsNaN(value) || double.IsInfinity(value) ? "n/a" : value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

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
