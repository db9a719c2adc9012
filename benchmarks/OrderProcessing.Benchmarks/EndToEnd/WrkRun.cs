using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace OrderProcessing.Benchmarks.EndToEnd;

/// <summary>What wrk reported through the Lua script's <c>done</c> line.</summary>
/// <param name="Created">201 answers.</param>
/// <param name="Failed">Other answers plus socket errors.</param>
/// <param name="DurationSeconds">wrk's measured duration.</param>
/// <param name="P50Ms">Median latency.</param>
/// <param name="P90Ms">90th percentile latency.</param>
/// <param name="P99Ms">99th percentile latency.</param>
/// <param name="MaxMs">Slowest request.</param>
public sealed record WrkRun(long Created, long Failed, double DurationSeconds, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    /// <summary>Runs <c>wrk</c> with the POST script at <paramref name="concurrency"/> connections for <paramref name="duration"/>.</summary>
    public static async Task<WrkRun> RunAsync(Uri baseUrl, string script, int concurrency, TimeSpan duration, string runId, int products)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] args =
        [
            "-t", Math.Min(concurrency, 2).ToString(CultureInfo.InvariantCulture),
            "-c", concurrency.ToString(CultureInfo.InvariantCulture),
            "-d", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s",
            "--timeout", "10s",
            "-s", script,
            baseUrl.ToString().TrimEnd('/'),
            "--", runId, products.ToString(CultureInfo.InvariantCulture),
        ];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start wrk (apt-get install wrk).");
        var output = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        var errors = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("@@wrk ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no result (exit {process.ExitCode}):{Environment.NewLine}{output}{errors}");
        using var json = JsonDocument.Parse(line["@@wrk ".Length..]);
        var r = json.RootElement;
        return new WrkRun(
            r.GetProperty("created").GetInt64(),
            r.GetProperty("failed").GetInt64() + r.GetProperty("socketErrors").GetInt64(),
            r.GetProperty("durationUs").GetDouble() / 1e6,
            r.GetProperty("p50Us").GetDouble() / 1000,
            r.GetProperty("p90Us").GetDouble() / 1000,
            r.GetProperty("p99Us").GetDouble() / 1000,
            r.GetProperty("maxUs").GetDouble() / 1000);
    }
}
