using System.Globalization;

namespace OrderProcessing.Benchmarks.Report;

/// <summary>
/// The machine's load at one moment of the run: the load averages (from <c>/proc/loadavg</c>, as <c>uptime</c> prints them)
/// and, for a reading taken by the quiet-machine gate before a timed phase, what the gate found.
/// </summary>
/// <param name="Phase">What was about to run or had just run.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Load1">1-minute load average.</param>
/// <param name="Load5">5-minute load average.</param>
/// <param name="Load15">15-minute load average.</param>
public sealed record LoadSample(string Phase, DateTimeOffset At, double Load1, double Load5, double Load15)
{
    /// <summary>Mean CPU idle share (percent, all cores) of the gate's last seconds; null for a plain reading.</summary>
    public double? IdlePercent { get; init; }

    /// <summary>How long the gate waited for quiet, seconds; null for a plain reading.</summary>
    public double? WaitedSeconds { get; init; }

    /// <summary>False when the gate gave up and the phase ran anyway (<c>--allow-noisy</c>); null for a plain reading.</summary>
    public bool? Quiet { get; init; }

    /// <summary>Reads the current load averages.</summary>
    public static LoadSample Now(string phase)
    {
        var fields = File.ReadAllText("/proc/loadavg").Split(' ');
        return new LoadSample(
            phase,
            DateTimeOffset.UtcNow,
            double.Parse(fields[0], CultureInfo.InvariantCulture),
            double.Parse(fields[1], CultureInfo.InvariantCulture),
            double.Parse(fields[2], CultureInfo.InvariantCulture));
    }
}
