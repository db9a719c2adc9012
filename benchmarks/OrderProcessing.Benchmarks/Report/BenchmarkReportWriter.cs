using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OrderProcessing.Benchmarks.ColdStart;
using OrderProcessing.Benchmarks.Cost;
using OrderProcessing.Benchmarks.EndToEnd;
using OrderProcessing.Benchmarks.Warm;
using OrderProcessing.Benchmarks.WarmLoop;
using OrderProcessing.Topology;
using OrderProcessing.DevTools.Reporting;
using static OrderProcessing.DevTools.Reporting.Markdown;

namespace OrderProcessing.Benchmarks.Report;

/// <summary>
/// Fills the BENCHMARKS.md template with the run's tables and numbers (<c>{{token}}</c>; an unknown token is an error,
/// so the template and the generator cannot drift) and writes the plot's data files.
/// </summary>
public static partial class BenchmarkReportWriter
{
    /// <summary>Target: Native AOT first response at most this share of plain JIT's (same run, medians).</summary>
    public const double AotColdStartRatioTarget = 0.1;

    /// <summary>Target: ReadyToRun first response at most this share of plain JIT's.</summary>
    public const double ColdStartRatioTarget = 0.6;

    /// <summary>Target: Native AOT peak resident memory at the first response, MiB.</summary>
    public const double AotPeakRssTargetMiB = 25;

    /// <summary>Target: the zipped package of all functions, bytes (10 MB).</summary>
    public const long PackageZipTargetBytes = 10_000_000;

    /// <summary>Target: warm POST /orders under Native AOT at most this multiple of JIT tier 1's time.</summary>
    public const double WarmAotRatioTarget = 1.10;

    /// <summary>Target: warm POST /orders allocation, bytes.</summary>
    public const double CreateAllocationTargetBytes = 20 * 1024;

    /// <summary>Target: warm POST /orders mean at most this multiple of the baseline's (no slower than before).</summary>
    public const double AfterBeforeTimeTarget = 1.0;

    /// <summary>Target: orders completed per second at least this multiple of the baseline's.</summary>
    public const double AfterBeforeThroughputTarget = 1.0;

    /// <summary>Target: POST p99 at the fixed rate at most this multiple of the baseline's.</summary>
    public const double AfterBeforeLatencyTarget = 1.1;

    /// <summary>Amazon Linux 2023's glibc: the newest symbol version the AOT binary may need.</summary>
    public static readonly Version Al2023Glibc = new(2, 34);

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
            ["coldstart.table"] = inputs.ColdStart is { } cold ? ColdStartTable(cold, inputs.Sizes) : NotRun,
            ["coldstart.runs"] = inputs.ColdStart?.FirstOrDefault()?.Samples.Count.ToString(CultureInfo.InvariantCulture) ?? "0",
            ["sizes.table"] = inputs.Sizes is { } sizes ? SizesTable(sizes) : NotRun,
            ["sizes.glibc"] = inputs.Sizes?.AotGlibc ?? "n/a",
            ["warmloop.table"] = inputs.WarmLoop is { } loop ? WarmLoopTable(loop) : NotRun,
            ["latency.table"] = inputs.Latency is { } latency ? LatencyTable(latency) : NotRun,
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
    private static readonly string[] ScalarFamilies = ["warm.", "before.", "e2e.", "e2ebefore.", "cold.", "cost.", "loop.", "rate."];

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
                var p = $"{prefix}.{r.Storage.Replace(", pipeline paused", "-paused", StringComparison.Ordinal).Replace(EndToEndRunner.CustomerMailPaused, "-mailpaused", StringComparison.Ordinal)}.c{r.Concurrency}";
                yield return ($"{p}.posts", Number(r.PostsPerSecond));
                yield return ($"{p}.completed", Number(r.CompletedPerSecond));
                yield return ($"{p}.p50", Number(r.P50Ms, 1));
                yield return ($"{p}.p99", Number(r.P99Ms, 1));
                yield return ($"{p}.cpu", Number(r.HostCpuMsPerOrder, 2));
            }
        }

        // The after / before ratio in memory at c=16 as measured, and with the after system's customer e-mail paused (the
        // before system sends none), both from the same run.
        if (inputs.EndToEndBefore?.FirstOrDefault(e => e.Storage == "memory" && e.Concurrency == 16) is { CompletedPerSecond: > 0 } beforeC16)
        {
            foreach (var (storage, name) in new[] { ("memory", "e2e.ratio.c16"), ("memory" + EndToEndRunner.CustomerMailPaused, "e2e.ratio.mailpaused.c16") })
            {
                if (inputs.EndToEnd?.FirstOrDefault(e => e.Storage == storage && e.Concurrency == 16) is { } afterC16)
                {
                    yield return (name, Number(afterC16.CompletedPerSecond / beforeC16.CompletedPerSecond, 2));
                }
            }
        }

        if (inputs.Cost is { } cost)
        {
            var lines = CostModel.Lines(cost);
            foreach (var line in lines)
            {
                yield return ($"cost.line.{Slug(line.Item)}", Number(line.DollarsPerMillionOrders, 2));
            }

            // SQS at full batches of ten: send per message, one receive and one delete per ten (every queue, e-mail's too).
            yield return ("cost.sqs.batched", Number(CostModel.BatchedSqsRequests(cost) * (double)Prices.SqsPerMillion, 2));
            if (cost.Mail is { } mail)
            {
                yield return ("cost.mail.emails", Number(mail.EmailsPerOrder, 2));
                yield return ("cost.mail.attachment", Number(mail.AttachmentBytesPerOrder / Math.Max(mail.EmailsPerOrder, 1)));
                yield return ("cost.mail.bytes", Number(mail.MessageBytesPerOrder / Math.Max(mail.EmailsPerOrder, 1)));
                var mailLines = lines.Where(l => l.Item.StartsWith("SES", StringComparison.Ordinal) || l.Item.EndsWith("(customer e-mail)", StringComparison.Ordinal)).Sum(l => l.DollarsPerMillionOrders);
                yield return ("cost.mail.share", Number(100 * mailLines / CostModel.Total(lines)));
            }

            // A product selling 1,000 orders an hour keeps about 1,000 ledger entries of ~60 bytes in its item (README,
            // Storage): each of its two stock writes per order (reserve, ship) then costs ceil(60,000 / 1,024) units.
            var hotUnits = Math.Ceiling(60.0 * 1000 / 1024);
            yield return ("cost.hotproduct.units", Number(hotUnits));
            yield return ("cost.hotproduct.extra", Number((hotUnits - 1) * 2 * (double)Prices.DynamoDbWritePerMillion, 2));
        }

        foreach (var r in inputs.ColdStart ?? [])
        {
            yield return ($"cold.{r.Function}.{r.Name}.first", Number(r.FirstResponseMedian, 1));
            yield return ($"cold.{r.Function}.{r.Name}.rss", Number(r.PeakRssMedianMiB, 1));
            yield return ($"cold.{r.Function}.{r.Name}.ratio", Number(ColdStartRatio(inputs.ColdStart!, r.Function, r.Name), 2));
        }

        foreach (var r in inputs.WarmLoop ?? [])
        {
            yield return ($"loop.{r.Name}.us", Number(r.NanosecondsPerOpMedian / 1000, 1));
            yield return ($"loop.{r.Name}.alloc", Kilobytes((long)r.AllocatedBytesPerOpMedian));
        }

        foreach (var r in inputs.Latency ?? [])
        {
            yield return ($"rate.{r.Build}.{r.Storage}.rate", Number(r.OfferedRate));
            yield return ($"rate.{r.Build}.{r.Storage}.p50", Number(r.P50Ms, 2));
            yield return ($"rate.{r.Build}.{r.Storage}.p99", Number(r.P99Ms, 2));
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

    private static string LoadTable(IReadOnlyList<LoadSample> load)
    {
        if (load.Count == 0)
        {
            return "_(no load samples)_";
        }

        var table = Table(
            ["phase", "time (UTC)", "load 1 / 5 / 15 min", "CPU idle before the phase", "waited for quiet"],
            load.Select(l => (IReadOnlyList<string>)
            [
                l.Phase,
                l.At.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                $"{Number(l.Load1, 2)} / {Number(l.Load5, 2)} / {Number(l.Load15, 2)}",
                l.IdlePercent is { } idle ? $"{Number(idle)}%" : "",
                l.Quiet switch { true => $"{Number(l.WaitedSeconds ?? 0)} s", false => $"**NOISY**: not quiet after {Number(l.WaitedSeconds ?? 0)} s (`--allow-noisy`)", null => "" },
            ]));
        var noisy = load.Where(l => l.Quiet == false).Select(l => l.Phase).ToList();
        return noisy.Count == 0
            ? table
            : $"**This run is marked noisy**: {string.Join(", ", noisy)} ran on a machine that never became quiet, so its numbers include other processes' work.\n\n{table}";
    }

    // A build's first response as a share of plain JIT's for the same function, same run (medians).
    private static double ColdStartRatio(IReadOnlyList<ColdStartResult> cold, string function, string build)
    {
        var plain = cold.FirstOrDefault(c => c.Function == function && c.Name == ColdStartVariant.PlainJit);
        var other = cold.FirstOrDefault(c => c.Function == function && c.Name == build);
        return plain is null || other is null ? double.NaN : other.FirstResponseMedian / plain.FirstResponseMedian;
    }

    private static string TargetsTable(ReportInputs inputs)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var function in (inputs.ColdStart ?? []).Select(c => c.Function).Distinct(StringComparer.Ordinal))
        {
            var aot = ColdStartRatio(inputs.ColdStart!, function, "aot");
            if (!double.IsNaN(aot))
            {
                rows.Add([$"`{function}`: Native AOT first response / plain JIT's", $"at most {AotColdStartRatioTarget:0.0}", Number(aot, 3), Verdict(aot <= AotColdStartRatioTarget)]);
            }
        }

        if (inputs.ColdStart is { } cold && ColdStartRatio(cold, SystemTopology.Api.Name, "r2r") is var r2r && !double.IsNaN(r2r))
        {
            rows.Add(["`api`: ReadyToRun first response / plain JIT's", $"at most {ColdStartRatioTarget:0.0}", Number(r2r, 2), Verdict(r2r <= ColdStartRatioTarget)]);
        }

        if (inputs.ColdStart?.Where(c => c.Name == "aot").MaxBy(c => c.PeakRssMedianMiB) is { } rss)
        {
            rows.Add(["Native AOT peak RSS at the first response (largest function)", $"at most {AotPeakRssTargetMiB} MB", $"{Number(rss.PeakRssMedianMiB, 1)} MiB (`{rss.Function}`)", Verdict(rss.PeakRssMedianMiB <= AotPeakRssTargetMiB)]);
        }

        if (inputs.Sizes?.Builds.FirstOrDefault(b => b.Name == "aot") is { } package)
        {
            rows.Add([$"zipped package of all {SystemTopology.Functions.Count} functions (one Native AOT `bootstrap`)", "at most 10 MB", Mebibytes(package.ZipBytes), Verdict(package.ZipBytes <= PackageZipTargetBytes)]);
        }

        if (inputs.Sizes?.AotGlibc is { } glibc)
        {
            rows.Add(["newest glibc symbol version the AOT binary needs", $"at most GLIBC_{Al2023Glibc} (Amazon Linux 2023)", $"`{glibc}`", Verdict(Version.Parse(glibc["GLIBC_".Length..]) <= Al2023Glibc)]);
        }

        if (inputs.WarmLoop?.FirstOrDefault(l => l.Name == "aot") is { } loopAot && inputs.WarmLoop.FirstOrDefault(l => l.Name == "jit") is { } loopJit)
        {
            var ratio = loopAot.NanosecondsPerOpMedian / loopJit.NanosecondsPerOpMedian;
            rows.Add(["warm `POST /orders`: Native AOT / JIT tier 1 (same loop, medians)", $"at most {WarmAotRatioTarget:0.00}", Number(ratio, 2), Verdict(ratio <= WarmAotRatioTarget)]);
        }

        if (inputs.Warm?.FirstOrDefault(w => w.Name == nameof(ApiWriteBenchmarks.CreateOrder)) is { } create)
        {
            rows.Add(["warm `POST /orders` allocated per invocation", "at most 20 KB", Kilobytes(create.AllocatedBytes), Verdict(create.AllocatedBytes <= CreateAllocationTargetBytes)]);
            if (inputs.WarmBefore?.FirstOrDefault(w => w.Name == create.Name) is { } before)
            {
                var ratio = create.MeanMicroseconds / before.MeanMicroseconds;
                rows.Add(["warm `POST /orders` mean: after / before", $"at most {AfterBeforeTimeTarget:0.0}", Number(ratio, 2), Verdict(ratio <= AfterBeforeTimeTarget)]);
            }
        }

        if (inputs.EndToEnd?.FirstOrDefault(e => e.Storage == "memory" && e.Concurrency == 16) is { } after
            && inputs.EndToEndBefore?.FirstOrDefault(e => e.Storage == "memory" && e.Concurrency == 16) is { } beforeE2e)
        {
            var ratio = after.CompletedPerSecond / beforeE2e.CompletedPerSecond;
            rows.Add(["orders completed end to end per second, in memory, c=16: after / before", $"at least {AfterBeforeThroughputTarget:0.0}", Number(ratio, 2), Verdict(ratio >= AfterBeforeThroughputTarget)]);
        }

        if (inputs.Latency?.FirstOrDefault(l => l.Build == "after" && l.Storage == "memory") is { } rateAfter
            && inputs.Latency.FirstOrDefault(l => l.Build == "before" && l.Storage == "memory") is { } rateBefore)
        {
            var ratio = rateAfter.P99Ms / rateBefore.P99Ms;
            rows.Add([$"`POST /orders` p99 at {Number(rateAfter.OfferedRate)}/s offered, in memory: after / before", $"at most {AfterBeforeLatencyTarget:0.0}", Number(ratio, 2), Verdict(ratio <= AfterBeforeLatencyTarget)]);
        }

        return Table(["target (ratios from the same run; sizes and memory absolute)", "goal", "measured", "verdict"], rows);
    }

    private static string ColdStartTable(IReadOnlyList<ColdStartResult> cold, SizeResult? sizes) => Table(
        ["function", "build", "first response p50 / p90", "/ plain JIT (p50)", "peak RSS (p50)", "zipped package"],
        cold.Select(c => (IReadOnlyList<string>)
        [
            $"`{c.Function}`",
            c.Description,
            $"**{Number(c.FirstResponseMedian, 1)}** / {Number(c.FirstResponseP90, 1)} ms",
            Number(ColdStartRatio(cold, c.Function, c.Name), 3),
            $"{Number(c.PeakRssMedianMiB, 1)} MiB",
            sizes?.Builds.FirstOrDefault(b => b.Name == c.Name) is { } size ? Mebibytes(size.ZipBytes) : "n/a",
        ]));

    private static string SizesTable(SizeResult s) => Table(
        [$"build of `bootstrap` (all {SystemTopology.Functions.Count} functions)", "publish folder", "deployment zip (`zip -qr9`)"],
        s.Builds.Select(b => (IReadOnlyList<string>)[b.Name switch { "aot" => "Native AOT (deployed)", "jit" => "plain JIT, framework-dependent", "r2r" => "ReadyToRun, framework-dependent", _ => b.Name }, Mebibytes(b.FolderBytes), Mebibytes(b.ZipBytes)]));

    private static string WarmLoopTable(IReadOnlyList<WarmLoopResult> loop)
    {
        var jit = loop.FirstOrDefault(l => l.Name == "jit");
        return Table(
            ["build (same loop program)", "`POST /orders` per invocation (median of processes)", "spread over processes", "/ JIT", "allocated per invocation", "processes"],
            loop.Select(l => (IReadOnlyList<string>)
            [
                l.Description,
                $"**{Number(l.NanosecondsPerOpMedian / 1000, 1)} µs**",
                $"{Number(l.Samples.Min(x => x.NanosecondsPerOp) / 1000, 1)} to {Number(l.Samples.Max(x => x.NanosecondsPerOp) / 1000, 1)} µs",
                jit is null ? "n/a" : Number(l.NanosecondsPerOpMedian / jit.NanosecondsPerOpMedian, 2),
                Kilobytes((long)l.AllocatedBytesPerOpMedian),
                l.Samples.Count.ToString(CultureInfo.InvariantCulture),
            ]));
    }

    private static string LatencyTable(IReadOnlyList<FixedRateResult> latency) => Table(
        ["build", "storage", "offered rate", "achieved (201/s)", "requests", "p50", "p90", "p99", "max", "pipeline drain after window", "failed"],
        latency.Select(r => (IReadOnlyList<string>)
        [
            r.Build,
            r.Storage == "memory" ? "in memory" : r.Storage,
            $"{Number(r.OfferedRate)}/s",
            Number(r.AchievedRate),
            Number(r.Requests),
            $"{Number(r.P50Ms, 2)} ms",
            $"{Number(r.P90Ms, 2)} ms",
            $"**{Number(r.P99Ms, 2)}** ms",
            $"{Number(r.MaxMs, 1)} ms",
            $"{Number(r.DrainSeconds, 1)} s",
            Number(r.Failed),
        ]));

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
        ["storage", "concurrency (closed loop)", "POST 201/s", "completed/s (POST to COMPLETED)", "drain after window", "host CPU per order", "errors / dead letters"],
        e2e.Select(r => (IReadOnlyList<string>)
        [
            r.Storage == "memory" ? "in memory" : r.Storage,
            r.Concurrency.ToString(CultureInfo.InvariantCulture),
            Number(r.PostsPerSecond),
            $"**{Number(r.CompletedPerSecond)}** ({Number(r.Completed)} orders)",
            $"{Number(r.DrainSeconds, 1)} s",
            $"{Number(r.HostCpuMsPerOrder, 2)} ms",
            $"{r.Failed} / {r.DeadLetters}",
        ]));

    private static string EndToEndBeforeAfter(IReadOnlyList<EndToEndResult> before, IReadOnlyList<EndToEndResult> after) => Table(
        ["storage, concurrency", "before: completed/s", "after: completed/s", "after / before", "before: host CPU/order", "after: host CPU/order"],
        before.Select(b => (b, a: after.FirstOrDefault(x => x.Storage == b.Storage && x.Concurrency == b.Concurrency))).Where(p => p.a is not null).Select(p => (IReadOnlyList<string>)
        [
            $"{(p.b.Storage == "memory" ? "in memory" : p.b.Storage)}, c={p.b.Concurrency}",
            Number(p.b.CompletedPerSecond),
            Number(p.a!.CompletedPerSecond),
            Number(p.a.CompletedPerSecond / p.b.CompletedPerSecond, 2),
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
