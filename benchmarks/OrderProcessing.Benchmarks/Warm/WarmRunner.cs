using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace OrderProcessing.Benchmarks.Warm;

/// <summary>
/// Runs the warm benchmarks with BenchmarkDotNet in this process (no generated project to build), with the memory
/// diagnoser and the markdown and JSON exporters, and returns one <see cref="WarmResult"/> per benchmark.
/// </summary>
public static class WarmRunner
{
    /// <summary>Runs every warm benchmark whose method name contains <paramref name="filter"/> (all when null).</summary>
    /// <param name="artifacts">BenchmarkDotNet's artifacts folder (reports, logs).</param>
    /// <param name="quick">Fewer, shorter iterations: a few minutes, noisier numbers.</param>
    /// <param name="filter">Substring of the benchmark method names to run.</param>
    public static IReadOnlyList<WarmResult> Run(string artifacts, bool quick, string? filter = null)
    {
        WarmSettings.InvocationsPerIteration = quick ? 256 : 1024;
        WarmSettings.Iterations = quick ? 5 : 15;
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(quick ? 8 : 10)
            .WithIterationCount(WarmSettings.Iterations)
            .WithInvocationCount(WarmSettings.InvocationsPerIteration)
            .WithUnrollFactor(1)
            .WithId(quick ? "quick" : "full");
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(StatisticColumn.P95)
            .AddExporter(MarkdownExporter.GitHub, JsonExporter.Full)
            .AddLogger(ConsoleLogger.Default)
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableLogFile | ConfigOptions.JoinSummary);
        if (filter is not null)
        {
            config = config.AddFilter(new BenchmarkDotNet.Filters.NameFilter(name => name.Contains(filter, StringComparison.OrdinalIgnoreCase)));
        }

        // Tiered compilation takes seconds of steady calls to bring this much code (System.Text.Json, the handlers, Core)
        // to its optimized tier; BenchmarkDotNet's few warm-up iterations alone would measure partly unoptimized code.
        foreach (var target in ProfileLoop.Targets)
        {
            ProfileLoop.RunAsync(target, TimeSpan.FromSeconds(quick ? 1.5 : 3)).GetAwaiter().GetResult();
        }

        var summaries = BenchmarkRunner.Run([typeof(ApiWriteBenchmarks), typeof(ApiReadBenchmarks), typeof(StageBenchmarks)], config);
        return summaries.SelectMany(Results).ToList();
    }

    private static IEnumerable<WarmResult> Results(Summary summary)
    {
        foreach (var report in summary.Reports)
        {
            var method = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            if (report.ResultStatistics is not { } statistics)
            {
                throw new InvalidOperationException($"Benchmark {method} produced no measurements; see the log above.");
            }

            LatencyRecorder.Results.TryGetValue(method, out var latency);
            var gc = report.GcStats;
            yield return new WarmResult(
                method,
                report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo,
                statistics.Mean / 1000,
                statistics.StandardError / 1000,
                latency?.P50 ?? double.NaN,
                latency?.P99 ?? double.NaN,
                gc.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0,
                gc.TotalOperations == 0 ? 0 : gc.Gen0Collections * 1000.0 / gc.TotalOperations);
        }
    }
}
