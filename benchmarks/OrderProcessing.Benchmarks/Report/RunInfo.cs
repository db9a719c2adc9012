using System.Runtime.InteropServices;

namespace OrderProcessing.Benchmarks.Report;

/// <summary>How and where a benchmark run happened.</summary>
/// <param name="Mode">full or quick.</param>
/// <param name="Commit">The commit measured.</param>
/// <param name="BaselineCommit">The commit the before numbers come from, if any.</param>
/// <param name="Started">Start (UTC).</param>
/// <param name="Finished">End (UTC).</param>
/// <param name="Cpu">CPU model.</param>
/// <param name="Cores">Logical cores.</param>
/// <param name="MemoryGiB">Memory.</param>
/// <param name="Runtime">.NET runtime.</param>
/// <param name="Os">Operating system.</param>
public sealed record RunInfo(string Mode, string Commit, string? BaselineCommit, DateTimeOffset Started, DateTimeOffset Finished, string Cpu, int Cores, double MemoryGiB, string Runtime, string Os)
{
    /// <summary>Describes this machine now.</summary>
    public static RunInfo Describe(string mode, string commit, string? baselineCommit, DateTimeOffset started)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memoryKb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return new RunInfo(
            mode,
            commit,
            baselineCommit,
            started,
            DateTimeOffset.UtcNow,
            cpu,
            Environment.ProcessorCount,
            Math.Round(double.Parse(memoryKb, System.Globalization.CultureInfo.InvariantCulture) / 1024 / 1024, 1),
            RuntimeInformation.FrameworkDescription,
            RuntimeInformation.OSDescription);
    }
}
