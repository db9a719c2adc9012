using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace OrderProcessing.Benchmarks.WarmLoop;

/// <summary>
/// Runs the warm loop program (<c>benchmarks/OrderProcessing.WarmLoop</c>) published Native AOT and JIT, alternating
/// between the two builds process by process (round robin) so that machine noise spreads over both alike, and keeps
/// each process's result. One program for both, so the two numbers differ only in how the code was compiled.
/// </summary>
public static class WarmLoopRunner
{
    /// <summary>The two builds, by name: the Native AOT executable and the framework-dependent one's apphost.</summary>
    public static IReadOnlyList<(string Name, string Description, string Executable)> Builds(string aotExecutable, string jitExecutable) =>
    [
        ("aot", "Native AOT (`PublishAot`, as the functions ship)", aotExecutable),
        ("jit", "JIT, framework-dependent, after warm-up (tier 1 with dynamic PGO)", jitExecutable),
    ];

    /// <summary>Runs <paramref name="rounds"/> processes of each build.</summary>
    public static async Task<IReadOnlyList<WarmLoopResult>> RunAsync(
        IReadOnlyList<(string Name, string Description, string Executable)> builds, int rounds, TimeSpan warmUp, int batches, int perBatch, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(builds);
        var samples = builds.ToDictionary(b => b.Name, _ => new List<WarmLoopSample>(), StringComparer.Ordinal);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var build in builds)
            {
                samples[build.Name].Add(await RunOnceAsync(build.Executable, warmUp, batches, perBatch).ConfigureAwait(false));
            }

            progress?.Invoke($"warm loop round {round + 1}/{rounds}: " + string.Join(", ", builds.Select(b => $"{b.Name} {samples[b.Name][^1].NanosecondsPerOp / 1000:F1} us")));
        }

        return builds.Select(b => new WarmLoopResult(b.Name, b.Description, samples[b.Name])).ToList();
    }

    /// <summary>Reads the program's <c>@@warmloop {json}</c> line.</summary>
    public static WarmLoopSample Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("@@warmloop ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The warm loop printed no result:{Environment.NewLine}{output}");
        using var json = JsonDocument.Parse(line["@@warmloop ".Length..]);
        var root = json.RootElement;
        return new WarmLoopSample(root.GetProperty("nsPerOp").GetDouble(), root.GetProperty("allocatedBytesPerOp").GetDouble(), root.GetProperty("invocations").GetInt64());
    }

    private static async Task<WarmLoopSample> RunOnceAsync(string executable, TimeSpan warmUp, int batches, int perBatch)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(warmUp.TotalSeconds.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(batches.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(perBatch.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} failed (exit {process.ExitCode}):{Environment.NewLine}{await errors.ConfigureAwait(false)}");
        }

        return Parse(await output.ConfigureAwait(false));
    }
}
