using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OrderProcessing.Benchmarks.ColdStart;
using OrderProcessing.Benchmarks.Cost;
using OrderProcessing.Benchmarks.EndToEnd;
using OrderProcessing.Benchmarks.Warm;
using OrderProcessing.DevTools.Reporting;
using static OrderProcessing.DevTools.Reporting.Markdown;

namespace OrderProcessing.Benchmarks.Report;

/// <summary>
/// Fills the BENCHMARKS.md template with the run's tables and numbers (<c>{{token}}</c>; an unknown token is an error,
/// so the template and the generator cannot drift) and writes the plot's data files.
/// </summary>
public static partial class BenchmarkReportWriter
{
    /// <summary>Target: ReadyToRun first response at most this share of the plain build's.</summary>
    public const double ColdStartRatioTarget = 0.6;

    /// <summary>Target: warm POST /orders mean, microseconds.</summary>
    public const double CreateMeanTargetMicroseconds = 100;

    /// <summary>Target: warm POST /orders allocation, bytes.</summary>
    public const double CreateAllocationTargetBytes = 20 * 1024;

    /// <summary>Target: orders completed end to end per second, in memory.</summary>
    public const double CompletedPerSecondTarget = 1000;

    /// <summary>Target: POST p99 at concurrency 16, milliseconds.</summary>
    public const double PostP99TargetMs = 20;

    /// <summary>Writes <paramref name="output"/> from <paramref name="template"/> and the plot data into <paramref name="plotDataFolder"/>.</summary>
    public static void Write(ReportInputs inputs, string template, string output, string plotDataFolder)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var tokens = Tokens(inputs);
        var text = TokenPattern().Replace(File.ReadAllText(template), m =>
            tokens.TryGetValue(m.Groups[1].Value, out var value) ? value
            : ScalarFamilies.Any(f => m.Groups[1].Value.StartsWith(f, StringComparison.Ordinal)) ? "n/a" // that measurement did not run (--no-baseline, --quick)
            : throw new InvalidOperationException($"The template uses {{{{{m.Groups[1].Value}}}}}, which the report does not produce."));
        File.WriteAllText(output, text);
        WritePlotData(inputs, plotDataFolder);
    }

    /// <summary>Every token the template may use.</summary>
    public static IReadOnlyDictionary<string, string> Tokens(ReportInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var t = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["run.summary"] = RunSummary(inputs.Run),
            ["load.table"] = LoadTable(inputs.Load),
            ["targets.table"] = TargetsTable(inputs),
            ["coldstart.table"] = inputs.ColdStart is { } cold ? ColdStartTable(cold) : NotRun,
            ["coldstart.jit"] = inputs.ColdStart is { } c6 ? JitTable(c6) : NotRun,
            ["coldstart.ratio"] = inputs.ColdStart is { } c2 ? Number(ColdStartRatio(c2), 2) : "n/a",
            ["coldstart.runs"] = inputs.ColdStart?.FirstOrDefault()?.Samples.Count.ToString(CultureInfo.InvariantCulture) ?? "0",
            ["sizes.table"] = inputs.Sizes is { } sizes ? SizesTable(sizes) : NotRun,
            ["warm.table"] = inputs.Warm is { } warm ? WarmTable(warm, inputs.WarmBefore) : NotRun,
            ["e2e.table"] = inputs.EndToEnd is { } e2e ? EndToEndTable(e2e) : NotRun,
            ["e2e.before"] = inputs.EndToEndBefore is { } before && inputs.EndToEnd is { } after ? EndToEndBeforeAfter(before, after) : NotRun,
            ["cost.table"] = inputs.Cost is { } cost ? CostTable(cost) : NotRun,
            ["cost.functions"] = inputs.Cost is { } c3 ? CostFunctionsTable(c3) : NotRun,
            ["cost.total"] = inputs.Cost is { } c4 ? Number(CostModel.Total(CostModel.Lines(c4)), 2) : "n/a",
            ["cost.orders"] = inputs.Cost?.Orders.ToString(CultureInfo.InvariantCulture) ?? "0",
            ["cost.sizes"] = inputs.Cost is { } c5 ? $"a completed order item is {Number(c5.OrderItemBytes)} bytes, a product item {Number(c5.ProductItemBytes)} bytes, an invoice PDF {Number(c5.InvoiceBytes)} bytes" : "n/a",
            ["prices.source"] = Prices.Source,
        };
        foreach (var (name, value) in Scalars(inputs))
        {
            t[name] = value;
        }

        return t;
    }

    private const string NotRun = "_(not run in this mode)_";

    // Families of single numbers: one missing means its measurement was not run, not that the template is wrong.
    private static readonly string[] ScalarFamilies = ["warm.", "before.", "e2e.", "e2ebefore.", "cold.", "cost."];

    // Single numbers the prose quotes: warm.<Benchmark>.mean / .alloc / .p99, before.<Benchmark>..., e2e.<storage>.c<N>.<field>.
    private static IEnumerable<(string, string)> Scalars(ReportInputs inputs)
    {
        foreach (var (prefix, list) in new[] { ("warm", inputs.Warm), ("before", inputs.WarmBefore) })
        {
            foreach (var r in list ?? [])
            {
                yield return ($"{prefix}.{r.Name}.mean", Number(r.MeanMicroseconds, 1));
                yield return ($"{prefix}.{r.Name}.p99", Number(r.P99Microseconds, 1));
                yield return ($"{prefix}.{r.Name}.alloc", Kilobytes(r.AllocatedBytes));
            }
        }

        foreach (var (prefix, list) in new[] { ("e2e", inputs.EndToEnd), ("e2ebefore", inputs.EndToEndBefore) })
        {
            foreach (var r in list ?? [])
            {
                var p = $"{prefix}.{r.Storage.Replace(", pipeline paused", "-paused", StringComparison.Ordinal)}.c{r.Concurrency}";
                yield return ($"{p}.posts", Number(r.PostsPerSecond));
                yield return ($"{p}.completed", Number(r.CompletedPerSecond));
                yield return ($"{p}.p50", Number(r.P50Ms, 1));
                yield return ($"{p}.p99", Number(r.P99Ms, 1));
                yield return ($"{p}.cpu", Number(r.HostCpuMsPerOrder, 2));
            }
        }

        if (inputs.Cost is { } cost)
        {
            var lines = CostModel.Lines(cost);
            foreach (var line in lines)
            {
                yield return ($"cost.line.{Slug(line.Item)}", Number(line.DollarsPerMillionOrders, 2));
            }

            // SQS at full batches of ten: send per message, one receive and one delete per ten.
            var stageMessages = cost.Functions.Where(f => f.Function != "api").Sum(f => f.InvocationsPerOrder);
            yield return ("cost.sqs.batched", Number(stageMessages * 1.2 * (double)Prices.SqsPerMillion, 2));

            // A product selling 1,000 orders an hour keeps about 1,000 ledger entries of ~60 bytes in its item (README,
            // Storage): each of its two stock writes per order (reserve, ship) then costs ceil(60,000 / 1,024) units.
            var hotUnits = Math.Ceiling(60.0 * 1000 / 1024);
            yield return ("cost.hotproduct.units", Number(hotUnits));
            yield return ("cost.hotproduct.extra", Number((hotUnits - 1) * 2 * (double)Prices.DynamoDbWritePerMillion, 2));
        }

        foreach (var r in inputs.ColdStart ?? [])
        {
            yield return ($"cold.{r.Name}.first", Number(r.FirstResponseMedian));
            yield return ($"cold.{r.Name}.ready", Number(r.ReadyMedian));
            yield return ($"cold.{r.Name}.jit", Number(r.JitMethodsMedian));
            yield return ($"cold.{r.Name}.jitms", Number(r.JitMsMedian));
            yield return ($"cold.{r.Name}.rss", Number(r.PeakRssMedianMiB));
        }
    }

    // The report's tables: a label column, then numbers; the template puts each on its own lines.
    private static string Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows) =>
        Markdown.Table(header, rows, ColumnAlignment.NumbersRight).TrimEnd('\n');

    private static string Slug(string text) => string.Concat(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Replace("--", "-", StringComparison.Ordinal).Trim('-');

    private static string RunSummary(RunInfo run)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Produced by `./scripts/bench.sh{(run.Mode == "quick" ? " --quick" : "")}` ({run.Mode} mode) on {run.Started:yyyy-MM-dd} from {run.Started:HH:mm} to {run.Finished:HH:mm} UTC, ");
        text.Append(CultureInfo.InvariantCulture, $"commit `{run.Commit}`{(run.BaselineCommit is { } b ? $" (before numbers: commit `{b}`, built and measured in the same run)" : "")}. ");
        text.Append(CultureInfo.InvariantCulture, $"Machine: {run.Cpu}, {run.Cores} logical cores, {Number(run.MemoryGiB, 1)} GiB, {run.Os}, {run.Runtime}.");
        return text.ToString();
    }

    private static string LoadTable(IReadOnlyList<LoadSample> load) => load.Count == 0
        ? "_(no load samples)_"
        : Table(
            ["phase", "time (UTC)", "load 1 min", "load 5 min", "load 15 min"],
            load.Select(l => (IReadOnlyList<string>)[l.Phase, l.At.ToString("HH:mm:ss", CultureInfo.InvariantCulture), Number(l.Load1, 2), Number(l.Load5, 2), Number(l.Load15, 2)]));

    private static double ColdStartRatio(IReadOnlyList<ColdStartResult> cold)
    {
        var plain = cold.FirstOrDefault(c => c.Name == "plain");
        var r2r = cold.FirstOrDefault(c => c.Name == "r2r");
        return plain is null || r2r is null ? double.NaN : r2r.FirstResponseMedian / plain.FirstResponseMedian;
    }

    private static string TargetsTable(ReportInputs inputs)
    {
        var rows = new List<IReadOnlyList<string>>();
        if (inputs.ColdStart is { } cold)
        {
            var ratio = ColdStartRatio(cold);
            rows.Add(["ReadyToRun cold first response / plain build's (medians)", $"at most {ColdStartRatioTarget:0.0}", Number(ratio, 2), Verdict(ratio <= ColdStartRatioTarget)]);
        }

        if (inputs.Warm?.FirstOrDefault(w => w.Name == nameof(ApiWriteBenchmarks.CreateOrder)) is { } create)
        {
            rows.Add(["warm `POST /orders` mean, in memory", $"at most {CreateMeanTargetMicroseconds} µs", $"{Number(create.MeanMicroseconds, 1)} µs", Verdict(create.MeanMicroseconds <= CreateMeanTargetMicroseconds)]);
            rows.Add(["warm `POST /orders` allocated per invocation", "at most 20 KB", Kilobytes(create.AllocatedBytes), Verdict(create.AllocatedBytes <= CreateAllocationTargetBytes)]);
        }

        var memory = inputs.EndToEnd?.Where(e => e.Storage == "memory").ToList();
        if (memory is { Count: > 0 })
        {
            var best = memory.MaxBy(e => e.CompletedPerSecond)!;
            rows.Add(["orders completed end to end per second, in memory (best level)", $"at least {Number(CompletedPerSecondTarget)}", $"{Number(best.CompletedPerSecond)} (c={best.Concurrency})", Verdict(best.CompletedPerSecond >= CompletedPerSecondTarget)]);
            if (memory.FirstOrDefault(e => e.Concurrency == 16) is { } c16)
            {
                rows.Add(["`POST /orders` p99 at concurrency 16, in memory", $"at most {PostP99TargetMs} ms", $"{Number(c16.P99Ms, 1)} ms", Verdict(c16.P99Ms <= PostP99TargetMs)]);
            }
        }

        return Table(["target (this machine, 2 cores)", "goal", "measured", "verdict"], rows);
    }

    private static string ColdStartTable(IReadOnlyList<ColdStartResult> cold) => Table(
        ["variant", "runtime up (p50)", "handler ready p50 / p90", "first response p50 / p90", "process wall p50 / p90", "peak RSS", "methods JIT-compiled", "JIT time"],
        cold.Select(c => (IReadOnlyList<string>)
        [
            $"`{c.Name}`: {c.Description}",
            $"{Number(c.MainMedian)} ms",
            $"{Number(c.ReadyMedian)} / {Number(c.ReadyP90)} ms",
            $"**{Number(c.FirstResponseMedian)}** / {Number(c.FirstResponseP90)} ms",
            $"{Number(c.WallMedian)} / {Number(c.WallP90)} ms",
            $"{Number(c.PeakRssMedianMiB, 1)} MiB",
            Number(c.JitMethodsMedian),
            $"{Number(c.JitMsMedian)} ms",
        ]));

    private static string JitTable(IReadOnlyList<ColdStartResult> cold)
    {
        var traced = cold.Where(c => c.JitBreakdown.Count > 0).ToList();
        if (traced.Count == 0)
        {
            return "_(no JIT breakdown in this run)_";
        }

        var groups = traced.SelectMany(c => c.JitBreakdown.Keys).Distinct(StringComparer.Ordinal).OrderByDescending(g => traced.Max(c => c.JitBreakdown.GetValueOrDefault(g))).ToList();
        var rows = groups.Select(g => (IReadOnlyList<string>)[g, .. traced.Select(c => Number(c.JitBreakdown.GetValueOrDefault(g)))]).ToList();
        rows.Add(["**total**", .. traced.Select(c => $"**{Number(c.JitBreakdown.Values.Sum())}**")]);
        return Table(["methods JIT-compiled until the first response, by kind", .. traced.Select(c => $"`{c.Name}`")], rows);
    }

    private static string SizesTable(SizeResult s) => Table(
        ["build", "publish folder", "deployment zip (`zip -qr9`)"],
        [
            ["plain (JIT only)", Mebibytes(s.PlainFolderBytes), Mebibytes(s.PlainZipBytes)],
            ["ReadyToRun (deployed)", Mebibytes(s.ReadyToRunFolderBytes), Mebibytes(s.ReadyToRunZipBytes)],
        ]);

    private static string WarmTable(IReadOnlyList<WarmResult> warm, IReadOnlyList<WarmResult>? before)
    {
        var header = new List<string> { "benchmark (Stream handler, in-memory stores)", "mean", "p50", "p99", "allocated", "gen0 / 1k ops" };
        if (before is not null)
        {
            header.AddRange(["before: mean", "before: allocated", "change (mean / allocated)"]);
        }

        return Table(header, warm.Select(r =>
        {
            var row = new List<string>
            {
                r.Description.Trim('\''),
                $"{Number(r.MeanMicroseconds, 1)} µs",
                $"{Number(r.P50Microseconds, 1)} µs",
                $"{Number(r.P99Microseconds, 1)} µs",
                Kilobytes(r.AllocatedBytes),
                Number(r.Gen0PerThousand, 1),
            };
            if (before is not null)
            {
                var b = before.FirstOrDefault(x => x.Name == r.Name);
                row.AddRange(b is null
                    ? ["n/a", "n/a", "n/a"]
                    : [$"{Number(b.MeanMicroseconds, 1)} µs", Kilobytes(b.AllocatedBytes), $"{Change(b.MeanMicroseconds, r.MeanMicroseconds)} / {Change(b.AllocatedBytes, r.AllocatedBytes)}"]);
            }

            return (IReadOnlyList<string>)row;
        }));
    }

    private static string EndToEndTable(IReadOnlyList<EndToEndResult> e2e) => Table(
        ["storage", "concurrency", "POST 201/s", "POST p50", "p90", "p99", "max", "completed/s (POST to COMPLETED)", "drain after window", "host CPU per order", "errors / dead letters"],
        e2e.Select(r => (IReadOnlyList<string>)
        [
            r.Storage == "memory" ? "in memory" : r.Storage,
            r.Concurrency.ToString(CultureInfo.InvariantCulture),
            Number(r.PostsPerSecond),
            $"{Number(r.P50Ms, 2)} ms",
            $"{Number(r.P90Ms, 2)} ms",
            $"**{Number(r.P99Ms, 2)}** ms",
            $"{Number(r.MaxMs, 1)} ms",
            $"**{Number(r.CompletedPerSecond)}** ({Number(r.Completed)} orders)",
            $"{Number(r.DrainSeconds, 1)} s",
            $"{Number(r.HostCpuMsPerOrder, 2)} ms",
            $"{r.Failed} / {r.DeadLetters}",
        ]));

    private static string EndToEndBeforeAfter(IReadOnlyList<EndToEndResult> before, IReadOnlyList<EndToEndResult> after) => Table(
        ["storage, concurrency", "before: completed/s", "after: completed/s", "before: POST p99", "after: POST p99", "before: host CPU/order", "after: host CPU/order"],
        before.Select(b => (b, a: after.FirstOrDefault(x => x.Storage == b.Storage && x.Concurrency == b.Concurrency))).Where(p => p.a is not null).Select(p => (IReadOnlyList<string>)
        [
            $"{(p.b.Storage == "memory" ? "in memory" : p.b.Storage)}, c={p.b.Concurrency}",
            Number(p.b.CompletedPerSecond),
            $"{Number(p.a!.CompletedPerSecond)} ({Change(p.b.CompletedPerSecond, p.a.CompletedPerSecond)})",
            $"{Number(p.b.P99Ms, 1)} ms",
            $"{Number(p.a.P99Ms, 1)} ms",
            $"{Number(p.b.HostCpuMsPerOrder, 2)} ms",
            $"{Number(p.a.HostCpuMsPerOrder, 2)} ms ({Change(p.b.HostCpuMsPerOrder, p.a.HostCpuMsPerOrder)})",
        ]));

    private static string CostTable(CostSample cost)
    {
        var lines = CostModel.Lines(cost);
        var rows = lines.Select(l => (IReadOnlyList<string>)
        [
            l.Item,
            $"{Number(l.PerOrder, l.Unit == "GB" ? 9 : 4)} {l.Unit}",
            l.UnitPrice,
            l.Unit == "GB"
                ? $"{Number(l.PerOrder, 9)} x 1,000,000 x {l.UnitPrice.Split(' ')[0]}"
                : $"{Number(l.PerOrder, 4)} x {l.UnitPrice.Split(' ')[0]}",
            $"${Number(l.DollarsPerMillionOrders, 2)}",
            l.Basis,
        ]).ToList();
        rows.Add(["**total**", "", "", "", $"**${Number(CostModel.Total(lines), 2)}**", ""]);
        return Table(["item", "per order", "price", "arithmetic", "per million orders", "basis"], rows);
    }

    private static string CostFunctionsTable(CostSample cost) => Table(
        ["function", "memory", "invocations / order", "mean duration", "billed (ms, rounded up)", "GB-s / order", "CPU / invocation", "AWS calls / order", "RRU / WRU (table) / WRU (indexes)", "log bytes / order"],
        cost.Functions.Select(f => (IReadOnlyList<string>)
        [
            $"`{f.Function}`",
            $"{f.MemoryMb} MB",
            Number(f.InvocationsPerOrder, 2),
            $"{Number(f.MeanDurationMs, 2)} ms",
            $"{Number(f.MeanBilledMs, 2)} ms",
            Number(f.InvocationsPerOrder * f.MeanBilledMs / 1000 * f.MemoryMb / 1024, 5),
            $"{Number(f.CpuMsPerInvocation, 2)} ms",
            string.Join(", ", f.Requests.Select(r => $"{r.Operation} x{Number(r.CallsPerOrder, 2)}")),
            $"{Number(f.Requests.Sum(r => r.ReadUnitsPerOrder), 1)} / {Number(f.Requests.Sum(r => r.WriteUnitsPerOrder), 1)} / {Number(f.Requests.Sum(r => r.IndexWriteUnitsPerOrder), 1)}",
            Number(f.LogBytesPerOrder),
        ]));

    private static void WritePlotData(ReportInputs inputs, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var storage in new[] { "memory", "dynalite" })
        {
            var rows = (inputs.EndToEnd ?? []).Where(e => e.Storage == storage).OrderBy(e => e.Concurrency).ToList();
            var text = new StringBuilder("# concurrency p50_ms p99_ms completed_per_s posts_per_s\n");
            foreach (var r in rows)
            {
                text.Append(CultureInfo.InvariantCulture, $"{r.Concurrency} {r.P50Ms:F3} {r.P99Ms:F3} {r.CompletedPerSecond:F1} {r.PostsPerSecond:F1}\n");
            }

            File.WriteAllText(Path.Combine(folder, $"e2e-{storage}.dat"), text.ToString());
        }
    }

    [GeneratedRegex(@"\{\{([a-zA-Z0-9_.\-]+)\}\}")]
    private static partial Regex TokenPattern();
}
