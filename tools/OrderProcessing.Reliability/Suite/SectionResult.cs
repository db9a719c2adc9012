using OrderProcessing.Reliability.Chaos;

namespace OrderProcessing.Reliability.Suite;

/// <summary>One section of the report: its title, its checks, and the markdown describing what ran (tables, settings).</summary>
internal sealed record SectionResult(string Title, IReadOnlyList<InvariantResult> Checks, string Details)
{
    /// <summary>True when every check holds.</summary>
    public bool AllHold => Checks.All(c => c.Holds);
}
