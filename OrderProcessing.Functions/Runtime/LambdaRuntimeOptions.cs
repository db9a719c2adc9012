namespace OrderProcessing.Functions.Runtime;

/// <summary>How the runtime client retries an unreachable Runtime API, and the clock it runs on. Defaults suit Lambda.</summary>
public sealed record LambdaRuntimeOptions
{
    /// <summary>
    /// Attempts after the first when the Runtime API refuses or drops a connection (it restarted); 10 by default, which
    /// with the default delays waits about half a minute before the runtime gives up and exits.
    /// </summary>
    public int MaxRetryAttempts { get; init; } = 10;

    /// <summary>The first retry's delay, doubled (with jitter) for each further one; 50 ms by default.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest delay between two retries; 5 seconds by default.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The clock of deadlines and retry delays; the system clock by default.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Where the runtime reports what happens before the function has its telemetry (an init failure); standard error by default.</summary>
    public TextWriter? ErrorOutput { get; init; }
}
