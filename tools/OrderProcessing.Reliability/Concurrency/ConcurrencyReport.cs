using OrderProcessing.Reliability.Chaos;

namespace OrderProcessing.Reliability.Concurrency;

/// <summary>The concurrency checks of one store: each a checked result with its counts.</summary>
internal sealed record ConcurrencyReport(string Stores, string Host, IReadOnlyList<InvariantResult> Checks)
{
    /// <summary>True when every check holds.</summary>
    public bool AllHold => Checks.All(c => c.Holds);
}
