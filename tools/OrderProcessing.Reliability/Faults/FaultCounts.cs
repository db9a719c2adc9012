namespace OrderProcessing.Reliability.Faults;

/// <summary>What a run injected: per caller and port operation, transient failures and crashes, and the stalls.</summary>
internal sealed record FaultCounts(
    IReadOnlyDictionary<string, int> TransientByPoint,
    IReadOnlyDictionary<string, int> CrashesByPoint,
    IReadOnlyCollection<string> SideEffectPointsReached,
    int Stalls,
    int PortCalls)
{
    /// <summary>Transient failures injected.</summary>
    public int Transient => TransientByPoint.Values.Sum();

    /// <summary>Crashes injected.</summary>
    public int Crashes => CrashesByPoint.Values.Sum();

    /// <summary>Kinds of side effect (caller and operation) that were reached but never crashed after: gaps in coverage.</summary>
    public IReadOnlyList<string> SideEffectPointsNeverCrashed =>
        SideEffectPointsReached.Where(p => !CrashesByPoint.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
}
