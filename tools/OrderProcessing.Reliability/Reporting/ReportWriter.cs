using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using OrderProcessing.Reliability.Suite;
using static OrderProcessing.DevTools.Reporting.Markdown;

namespace OrderProcessing.Reliability.Reporting;

/// <summary>Writes RELIABILITY.md from a suite run: the command, the machine, a summary, each section with its checks and counts, findings and limits.</summary>
internal static class ReportWriter
{
    /// <summary>The markdown of <paramref name="report"/>.</summary>
    public static string Render(SuiteReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append("# Reliability\n\n");
        text.Append("No order lost, no stock oversold, no card charged twice: this file is the evidence, written by one command.\n");
        text.Append("Do not edit it by hand; rerun:\n\n```sh\n").Append(report.Options.Command).Append("\n```\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Last run {report.StartedAt:yyyy-MM-dd HH:mm} UTC on {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}, {Environment.ProcessorCount} cores, .NET {Environment.Version}); it took {report.Elapsed.TotalSeconds:0} s. ");
        text.Append(CultureInfo.InvariantCulture, $"Seed {report.Options.Seed}: the same seed gives the same workload and fault plan; thread interleavings (and so the exact counts) may differ between runs, the invariants may not.\n\n");

        text.Append(CultureInfo.InvariantCulture, $"**{report.HoldingCount} of {report.CheckCount} checks hold{(report.NotRun.Count > 0 ? $"; {report.NotRun.Count} part(s) NOT RUN" : "")}.**\n\n");
        text.Append(Table(
            ["section", "checks", "result"],
            report.Sections.Select(s => (IReadOnlyList<string>)[s.Title, $"{s.Checks.Count(c => c.Holds)} of {s.Checks.Count} hold", s.AllHold ? "pass" : "**FAIL**"])
                .Concat(report.NotRun.Select(n => (IReadOnlyList<string>)[n.Split(':', 2)[0], "-", "**NOT RUN**: " + n.Split(':', 2)[^1].Trim()]))));
        text.Append('\n');

        var number = 1;
        foreach (var section in report.Sections)
        {
            text.Append(CultureInfo.InvariantCulture, $"## {number++}. {section.Title}\n\n");
            text.Append(section.Details);
            text.Append(Table(
                ["check", "counts", "holds"],
                section.Checks.Select(c => (IReadOnlyList<string>)[c.Name, c.Counts, c.Holds ? "yes" : "**NO**"])));
            text.Append('\n');
            foreach (var failed in section.Checks.Where(c => !c.Holds))
            {
                text.Append(CultureInfo.InvariantCulture, $"Violations of \"{failed.Name}\" ({failed.Violations.Count}, first 20):\n\n");
                foreach (var v in failed.Violations.Take(20))
                {
                    text.Append("- ").Append(v).Append('\n');
                }

                text.Append('\n');
            }
        }

        text.Append(Findings.Markdown);
        return text.ToString();
    }
}
