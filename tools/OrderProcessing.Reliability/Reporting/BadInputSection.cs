using System.Text;
using OrderProcessing.Reliability.BadInput;
using static OrderProcessing.DevTools.Reporting.Markdown;

namespace OrderProcessing.Reliability.Reporting;

/// <summary>Turns the bad-input run into its report section.</summary>
internal static class BadInputSection
{
    /// <summary>The section for <paramref name="report"/>.</summary>
    public static Suite.SectionResult For(BadInputReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder()
            .Append($"Target: **{report.Target}**, over in-memory stores whose every write is counted. Seed {report.Seed}. {N(report.Cases)} requests, each an API Gateway proxy event given to the function's Lambda entry point: a corpus of hand-picked nasty cases, then FsCheck-generated ones (an order body with one or two fields set to a nasty string, number or wrong type, or removed; truncated, duplicated-key, deeply nested, non-object, BOM-prefixed and oversize bodies; bodies that are not UTF-8; bad Content-Type and Idempotency-Key headers; bad status, limit and cursor queries; odd path ids; bad product PUTs and status PATCHes; wrong methods). ")
            .Append($"{N(report.Rejected)} were rejected; {N(report.Accepted)} were well-formed after all (a mutation that kept the request valid) and were answered normally. Took {report.Elapsed.TotalSeconds:0.0} s.\n\n")
            .Append(Table(["family", "requests"], report.CasesByFamily.Select(f => (IReadOnlyList<string>)[f.Key, N(f.Value)])))
            .Append('\n')
            .Append("Answers by status: ").AppendJoin(", ", report.AnswersByStatus.Select(s => $"{s.Key}: {N(s.Value)}")).Append(".\n\n");
        return new Suite.SectionResult("Bad input", report.Checks, text.ToString());
    }
}
