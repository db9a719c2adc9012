using OrderProcessing.Reliability.Chaos;

namespace OrderProcessing.Reliability.BadInput;

/// <summary>What the bad-input run sent and got back: counts by family and by status, and the checks.</summary>
internal sealed record BadInputReport(
    string Target,
    int Cases,
    int Seed,
    IReadOnlyDictionary<string, int> CasesByFamily,
    IReadOnlyDictionary<int, int> AnswersByStatus,
    int Accepted,
    int Rejected,
    IReadOnlyList<InvariantResult> Checks,
    TimeSpan Elapsed)
{
    /// <summary>True when every check holds.</summary>
    public bool AllHold => Checks.All(c => c.Holds);
}
