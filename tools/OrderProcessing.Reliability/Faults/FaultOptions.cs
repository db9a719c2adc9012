namespace OrderProcessing.Reliability.Faults;

/// <summary>How often each fault happens. Every decision is a seeded hash of the fault point, so a seed replays the same plan.</summary>
internal sealed record FaultOptions
{
    /// <summary>Seed of every decision.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Share of port calls (by stages and the API) that fail with a transient error before reaching the store. Default 5%.</summary>
    public double TransientRate { get; init; } = 0.05;

    /// <summary>
    /// Chance that the process "crashes" right after a side effect (the call succeeded, the caller never hears of it).
    /// Decided once per crash point (caller, operation, order and argument), so a redelivery gets past it; the first side
    /// effect of each kind (caller and operation) always crashes, so every kind is covered. Default 10%.
    /// </summary>
    public double CrashRate { get; init; } = 0.1;

    /// <summary>Chance that a stage's port call stalls (a slow Lambda) while the rest of the system moves on. Default 2%.</summary>
    public double StallRate { get; init; } = 0.02;

    /// <summary>Longest stall, in dispatcher ticks (deliveries started). Default 400.</summary>
    public int MaxStallTicks { get; init; } = 400;

    /// <summary>No faults at all: the baseline a run compares against.</summary>
    public static FaultOptions None { get; } = new() { TransientRate = 0, CrashRate = 0, StallRate = 0 };
}
