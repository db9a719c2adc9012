using System.Text.Json;
using OrderProcessing.Benchmarks.ColdStart;
using OrderProcessing.Benchmarks.Common;
using OrderProcessing.Benchmarks.Cost;
using OrderProcessing.Benchmarks.EndToEnd;
using OrderProcessing.Benchmarks.Warm;
using OrderProcessing.Benchmarks.WarmLoop;

namespace OrderProcessing.Benchmarks.Report;

/// <summary>Every result file of one run, read from its results folder; a measurement that was not run is null.</summary>
public sealed record ReportInputs(
    RunInfo Run,
    IReadOnlyList<LoadSample> Load,
    IReadOnlyList<WarmResult>? Warm,
    IReadOnlyList<WarmResult>? WarmBefore,
    IReadOnlyList<ColdStartResult>? ColdStart,
    SizeResult? Sizes,
    IReadOnlyList<EndToEndResult>? EndToEnd,
    IReadOnlyList<EndToEndResult>? EndToEndBefore,
    CostSample? Cost,
    IReadOnlyList<WarmLoopResult>? WarmLoop,
    IReadOnlyList<FixedRateResult>? Latency)
{
    /// <summary>Reads the folder's files (<c>run.json</c>, <c>load.json</c>, <c>warm.json</c>, ...).</summary>
    public static ReportInputs Read(string folder)
    {
        var run = ReadFile(folder, "run.json", ResultsJsonContext.Default.RunInfo) ?? throw new FileNotFoundException("run.json is missing", Path.Combine(folder, "run.json"));
        var load = ReadFile(folder, "load.json", ResultsJsonContext.Default.ListLoadSample) ?? [];
        return new ReportInputs(
            run,
            load,
            ReadFile(folder, "warm.json", ResultsJsonContext.Default.ListWarmResult),
            ReadFile(folder, "warm-before.json", ResultsJsonContext.Default.ListWarmResult),
            ReadFile(folder, "coldstart.json", ResultsJsonContext.Default.ListColdStartResult),
            ReadFile(folder, "sizes.json", ResultsJsonContext.Default.SizeResult),
            ReadFile(folder, "e2e.json", ResultsJsonContext.Default.ListEndToEndResult),
            ReadFile(folder, "e2e-before.json", ResultsJsonContext.Default.ListEndToEndResult),
            ReadFile(folder, "cost.json", ResultsJsonContext.Default.CostSample),
            ReadFile(folder, "warm-loop.json", ResultsJsonContext.Default.ListWarmLoopResult),
            ReadFile(folder, "latency.json", ResultsJsonContext.Default.ListFixedRateResult));
    }

    private static T? ReadFile<T>(string folder, string name, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        var path = Path.Combine(folder, name);
        return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), type) : null;
    }
}
