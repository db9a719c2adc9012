using OrderProcessing.Reliability.Dispatch;
using OrderProcessing.Reliability.Faults;

namespace OrderProcessing.Reliability.Chaos;

/// <summary>Everything a fault-injection run measured: its settings, traffic, faults, client view and invariants, the
/// time the stepping clock advanced, and the wall-clock time it took (reported, never asserted).</summary>
internal sealed record ChaosReport(
    string Stores,
    string Host,
    ChaosOptions Options,
    DispatchReport Dispatch,
    FaultCounts Faults,
    IReadOnlyList<IntentOutcome> Outcomes,
    IReadOnlyList<InvariantResult> Invariants,
    TimeSpan SimulatedTime,
    TimeSpan Elapsed)
{
    /// <summary>True when every invariant holds.</summary>
    public bool AllHold => Invariants.All(i => i.Holds);

    /// <summary>The invariant of this name; throws if the run has none.</summary>
    public InvariantResult Invariant(string namePrefix) =>
        Invariants.Single(i => i.Name.StartsWith(namePrefix, StringComparison.Ordinal));
}
