using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OrderProcessing.Benchmarks.Events;
using OrderProcessing.Benchmarks.Storage;
using OrderProcessing.Functions.Adapters.Aws;
using OrderProcessing.Functions.Api;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Benchmarks.ColdStart;

/// <summary>
/// Starts the cold-start probe as a fresh process again and again, round-robin over the variants so that machine noise
/// spreads evenly, each time serving one <c>POST /orders</c> against dynalite with tables created and the product stocked
/// beforehand, exactly as the API function's Lambda configuration would have it (its settings as environment variables).
/// </summary>
public sealed class ColdStartRunner(string probeAssembly, Uri dynamoDb)
{
    private static readonly StorageNames Names = StorageNames.Prefixed("coldstart-");

    /// <summary>Creates the tables and the product the probes use.</summary>
    public Task PrepareAsync() => BenchStorage.ProvisionAsync(dynamoDb, null, Names, ["sku-1"], 1_000_000_000);

    /// <summary>Runs <paramref name="runs"/> cold starts of every variant.</summary>
    public async Task<IReadOnlyList<ColdStartResult>> RunAsync(IReadOnlyList<ColdStartVariant> variants, int runs, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(variants);
        var eventFile = Path.Combine(Path.GetTempPath(), $"coldstart-event-{Environment.ProcessId}.json");
        await File.WriteAllBytesAsync(eventFile, ApiEvents.PlaceOrder(1)).ConfigureAwait(false);
        try
        {
            var samples = variants.ToDictionary(v => v.Name, _ => new List<(ColdStartSample Sample, IReadOnlyDictionary<string, int>? Breakdown)>(runs), StringComparer.Ordinal);
            foreach (var variant in variants)
            {
                // Once each, unmeasured: the first start after a build pays for reading the files from disk.
                await StartOnceAsync(variant, eventFile).ConfigureAwait(false);
            }

            for (var run = 0; run < runs; run++)
            {
                foreach (var variant in variants)
                {
                    samples[variant.Name].Add(await StartOnceAsync(variant, eventFile).ConfigureAwait(false));
                }

                progress?.Invoke($"cold start run {run + 1}/{runs}: " + string.Join(", ", variants.Select(v => $"{v.Name} {samples[v.Name][^1].Sample.FirstResponseMs:F0} ms")));
            }

            var results = new List<ColdStartResult>();
            foreach (var v in variants)
            {
                // One more start per build, untimed, listening to the JIT: what ReadyToRun left to compile.
                var breakdown = v.Environment.Count == 0 ? (await StartOnceAsync(v, eventFile, jitBreakdown: true).ConfigureAwait(false)).Breakdown : null;
                results.Add(new ColdStartResult(v.Name, v.Description, samples[v.Name].Select(s => s.Sample).ToList()) { JitBreakdown = breakdown ?? new Dictionary<string, int>() });
            }

            return results;
        }
        finally
        {
            File.Delete(eventFile);
        }
    }

    // The managed runtime's handler string of the API function, for the JIT and ReadyToRun probes (the topology's
    // Handler is now the AOT bootstrap's _HANDLER name).
    private static readonly string ManagedHandler = $"{typeof(ApiFunction).Assembly.GetName().Name}::{typeof(ApiFunction).FullName}::{nameof(ApiFunction.HandleAsync)}";

    private async Task<(ColdStartSample Sample, IReadOnlyDictionary<string, int>? Breakdown)> StartOnceAsync(ColdStartVariant variant, string eventFile, bool jitBreakdown = false)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // The function's own runtimeconfig.json, as the managed runtime runs a function with it: settings made in the
        // function's project file (TieredPGO, ...) take effect here as they would in Lambda.
        foreach (var arg in new[] { "exec", "--runtimeconfig", Path.Combine(variant.PublishFolder, "OrderProcessing.Functions.runtimeconfig.json"), probeAssembly, variant.PublishFolder, ManagedHandler, eventFile })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in FunctionEnvironment())
        {
            start.Environment[name] = value;
        }

        foreach (var (name, value) in variant.Environment)
        {
            start.Environment[name] = value;
        }

        if (jitBreakdown)
        {
            start.Environment["COLDSTART_JIT_BREAKDOWN"] = "1";
        }

        var parentStart = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10;
        start.Environment["COLDSTART_PARENT_START_UNIX_US"] = parentStart.ToString(CultureInfo.InvariantCulture);
        var wall = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the probe.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        var wallMs = wall.Elapsed.TotalMilliseconds;
        var errors = await stderr.ConfigureAwait(false);
        var line = errors.Split('\n').FirstOrDefault(l => l.StartsWith("@@coldstart ", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The probe for '{variant.Name}' failed (exit {process.ExitCode}):{Environment.NewLine}{errors}{Environment.NewLine}{await stdout.ConfigureAwait(false)}");
        }

        using var json = JsonDocument.Parse(line["@@coldstart ".Length..]);
        var root = json.RootElement;
        var breakdown = root.TryGetProperty("jitGroups", out var groups)
            ? groups.EnumerateObject().ToDictionary(g => g.Name, g => g.Value.GetInt32(), StringComparer.Ordinal)
            : null;
        return (new ColdStartSample(
            root.GetProperty("mainMs").GetDouble(),
            root.GetProperty("readyMs").GetDouble(),
            root.GetProperty("firstResponseMs").GetDouble(),
            wallMs,
            root.GetProperty("peakRssKb").GetInt64(),
            root.GetProperty("status").GetInt32(),
            root.GetProperty("readyJitMethods").GetInt32(),
            root.GetProperty("readyJitMs").GetDouble(),
            root.GetProperty("jitMethods").GetInt32(),
            root.GetProperty("jitMs").GetDouble()), breakdown);
    }

    // The API function's settings as its Lambda configuration sets them, pointing DynamoDB at dynalite. S3 is not called
    // by POST /orders; its client is built for the region's endpoint as in AWS.
    private Dictionary<string, string> FunctionEnvironment()
    {
        var settings = new Dictionary<string, string>(Names.ToSettings(), StringComparer.Ordinal)
        {
            [SettingNames.Environment] = "bench",
            [SettingNames.CorsAllowOrigin] = "*",
            [SettingNames.InvoiceLinkSeconds] = "300",
            [SettingNames.DynamoDbEndpoint] = dynamoDb.ToString(),
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = BenchStorage.LocalKey,
            ["AWS_SECRET_ACCESS_KEY"] = BenchStorage.LocalKey,
        };
        settings.Remove(StorageSchema.Payments.EnvironmentVariable);
        return settings;
    }
}
