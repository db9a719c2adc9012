namespace OrderProcessing.Reliability.Suite;

/// <summary>A whole run: its options, each section's results, anything that could not run (a failure, never a pass), and when and where it ran.</summary>
internal sealed record SuiteReport(SuiteOptions Options, IReadOnlyList<SectionResult> Sections, IReadOnlyList<string> NotRun, DateTimeOffset StartedAt, TimeSpan Elapsed)
{
    /// <summary>True when every section ran and every check holds.</summary>
    public bool Passed => NotRun.Count == 0 && Sections.All(s => s.AllHold);

    /// <summary>Checks over all sections.</summary>
    public int CheckCount => Sections.Sum(s => s.Checks.Count);

    /// <summary>Checks that hold.</summary>
    public int HoldingCount => Sections.Sum(s => s.Checks.Count(c => c.Holds));
}
