using System.Globalization;

namespace OrderProcessing.Benchmarks.Machine;

/// <summary>The machine's cumulative CPU time (the first line of <c>/proc/stat</c>), in clock ticks, split into idle and busy.</summary>
/// <param name="Idle">idle + iowait: a core waiting for work or for the disk is free for a benchmark.</param>
/// <param name="Busy">user + nice + system + irq + softirq + steal.</param>
public sealed record CpuTimes(long Idle, long Busy)
{
    /// <summary>Reads <c>/proc/stat</c> now.</summary>
    public static CpuTimes Read() => Parse(File.ReadLines("/proc/stat").First());

    /// <summary>Parses the aggregate <c>cpu</c> line of <c>/proc/stat</c>.</summary>
    public static CpuTimes Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 5 || fields[0] != "cpu")
        {
            throw new FormatException($"Not the aggregate cpu line of /proc/stat: '{line}'.");
        }

        // user nice system idle iowait irq softirq steal (guest time is already counted in user).
        var ticks = fields.Skip(1).Take(8).Select(f => long.Parse(f, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        var idle = ticks[3] + (ticks.Length > 4 ? ticks[4] : 0);
        return new CpuTimes(idle, ticks.Sum() - idle);
    }

    /// <summary>Share of CPU time that was idle between <paramref name="earlier"/> and this reading, in percent (100 when no tick passed).</summary>
    public double IdlePercentSince(CpuTimes earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var idle = Idle - earlier.Idle;
        var total = idle + Busy - earlier.Busy;
        return total <= 0 ? 100 : 100.0 * idle / total;
    }
}
