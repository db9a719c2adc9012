namespace OrderProcessing.Reliability.Chaos;

/// <summary>One checked invariant: whether it holds, the counts behind it, and every violation found (empty when it holds).</summary>
internal sealed record InvariantResult(string Name, string Counts, IReadOnlyList<string> Violations)
{
    /// <summary>True when nothing violated the invariant.</summary>
    public bool Holds => Violations.Count == 0;
}
