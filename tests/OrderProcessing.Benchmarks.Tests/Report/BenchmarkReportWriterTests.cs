using OrderProcessing.Benchmarks.ColdStart;
using OrderProcessing.Benchmarks.Cost;
using OrderProcessing.Benchmarks.EndToEnd;
using OrderProcessing.Benchmarks.Report;
using OrderProcessing.Benchmarks.Warm;
using OrderProcessing.Benchmarks.WarmLoop;
using OrderProcessing.Topology;

namespace OrderProcessing.Benchmarks.Tests.Report;

/// <summary>The report fills every token the BENCHMARKS.md template uses and judges the targets from the numbers.</summary>
public sealed class BenchmarkReportWriterTests
{
    private string _folder = "";

    [SetUp]
    public void Folder() => _folder = Directory.CreateTempSubdirectory("bench-report-").FullName;

    [TearDown]
    public void Remove() => Directory.Delete(_folder, recursive: true);

    private static ReportInputs Inputs(double createMeanMicroseconds = 45, long createBytes = 19_000, double aotFirstResponseMs = 20, double aotLoopNs = 50_000, double p99After = 10, bool quiet = true) => new(
        new RunInfo("quick", "abc1234", "def5678", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(9), "test CPU", 2, 8, ".NET 10", "Linux"),
        [new LoadSample("start", DateTimeOffset.UnixEpoch, 1, 1, 1), new LoadSample("cold start", DateTimeOffset.UnixEpoch, 1, 1, 1) { IdlePercent = 97, WaitedSeconds = 5, Quiet = quiet }],
        [new WarmResult(nameof(ApiWriteBenchmarks.CreateOrder), "'API POST /orders'", createMeanMicroseconds, 1, 40, 90, createBytes, 0), .. OtherBenchmarks(30)],
        [new WarmResult(nameof(ApiWriteBenchmarks.CreateOrder), "'API POST /orders'", 74, 1, 70, 150, 31_000, 0), .. OtherBenchmarks(60)],
        [
            .. new[] { "api", "reserve-inventory" }.SelectMany(f => new[]
            {
                new ColdStartResult(f, "aot", "Native AOT", [new ColdStartSample(aotFirstResponseMs, 20_000), new ColdStartSample(aotFirstResponseMs + 2, 21_000)]),
                new ColdStartResult(f, "jit", "plain JIT", [new ColdStartSample(250, 64_000), new ColdStartSample(260, 65_000)]),
                new ColdStartResult(f, "r2r", "ReadyToRun", [new ColdStartSample(150, 63_000), new ColdStartSample(160, 64_000)]),
            }),
        ],
        new SizeResult([new ArtifactSize("aot", 20_000_000, 7_000_000), new ArtifactSize("jit", 4_000_000, 1_600_000), new ArtifactSize("r2r", 10_000_000, 4_000_000)], "GLIBC_2.34"),
        [
            new EndToEndResult("memory", 16, 20, 30_000, 0, 30_000, 30_000, 1_500, 1_480, 0.1, 9, 15, 30, 60, 1.1, 0),
            new EndToEndResult("memory", 64, 20, 30_000, 0, 30_000, 30_000, 1_500, 1_480, 0.1, 40, 60, 90, 120, 1.1, 0),
            new EndToEndResult("memory, pipeline paused", 16, 20, 100_000, 0, 0, 0, 5_000, 0, 0, 3, 5, 13, 30, 0, 0),
            new EndToEndResult("memory, customer e-mail paused", 16, 20, 40_000, 0, 40_000, 40_000, 2_000, 1_980, 0.1, 8, 12, 25, 50, 0.8, 0),
            new EndToEndResult("dynalite", 16, 20, 3_000, 0, 3_000, 3_000, 150, 140, 2, 90, 120, 160, 300, 8, 0),
        ],
        [new EndToEndResult("memory", 16, 20, 18_000, 0, 18_000, 18_000, 900, 890, 0.1, 12, 40, 280, 500, 1.6, 0)],
        new CostSample(10, [new FunctionUsage("api", 1024, 1, 4, 5, 3, 1_000, [new OperationUsage("DynamoDB:PutItem", 1, 0, 1, 3)])], 500, 1_200, 1_600, 5, new MailUsage(3, 2_000, 8_000)),
        [
            new WarmLoopResult("aot", "Native AOT", [new WarmLoopSample(aotLoopNs, 21_000, 40_000), new WarmLoopSample(aotLoopNs + 1_000, 21_000, 40_000)]),
            new WarmLoopResult("jit", "JIT tier 1", [new WarmLoopSample(50_000, 21_500, 40_000), new WarmLoopSample(51_000, 21_500, 40_000)]),
        ],
        [
            new FixedRateResult("after", "memory", 200, 199.5, 40, 8_000, 0, 2, 4, p99After, 30, 0),
            new FixedRateResult("after", "dynalite", 40, 40, 40, 1_600, 0, 12, 20, 45, 80, 0.5),
            new FixedRateResult("before", "memory", 200, 199.5, 40, 8_000, 0, 2.5, 5, 10, 35, 0),
        ]);

    // Every other benchmark method, so that each number the template quotes exists.
    private static IEnumerable<WarmResult> OtherBenchmarks(double mean) =>
        new[] { typeof(ApiWriteBenchmarks), typeof(ApiReadBenchmarks), typeof(StageBenchmarks) }
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttributes(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), false).Length > 0 && m.Name != nameof(ApiWriteBenchmarks.CreateOrder))
            .Select(m => new WarmResult(m.Name, m.Name, mean, 1, mean, mean * 2, 10_000, 0));

    private string Write(ReportInputs inputs)
    {
        var output = Path.Combine(_folder, "BENCHMARKS.md");
        BenchmarkReportWriter.Write(inputs, Path.Combine(TestContext.CurrentContext.TestDirectory, "BENCHMARKS.template.md"), output, Path.Combine(_folder, "plot"));
        return File.ReadAllText(output);
    }

    [Test]
    public void TheTemplate_UsesOnlyTokensTheReportProduces()
    {
        var text = Write(Inputs());

        Assert.That(text, Does.Not.Contain("{{"));
        Assert.That(text, Does.Not.Contain("n/a"), "a number the template quotes is missing though every measurement ran");
        Assert.That(text, Does.Contain("`abc1234`"));
    }

    [Test]
    public void Targets_AreJudgedFromRatiosOfTheSameRun()
    {
        var met = Write(Inputs(aotFirstResponseMs: 20, aotLoopNs: 50_000, p99After: 10));
        var missed = Write(Inputs(aotFirstResponseMs: 30, aotLoopNs: 60_000, p99After: 12));

        Assert.That(met, Does.Contain("| `api`: Native AOT first response / plain JIT's | at most 0.1 | 0.080 | **met** |"));
        Assert.That(missed, Does.Contain("| `api`: Native AOT first response / plain JIT's | at most 0.1 | 0.120 | **missed** |"));
        Assert.That(met, Does.Contain("| warm `POST /orders`: Native AOT / JIT tier 1 (same loop, medians) | at most 1.10 | 1.00 | **met** |"));
        Assert.That(missed, Does.Contain("| warm `POST /orders`: Native AOT / JIT tier 1 (same loop, medians) | at most 1.10 | 1.20 | **missed** |"));
        Assert.That(met, Does.Contain("| `POST /orders` p99 at 200/s offered, in memory: after / before | at most 1.1 | 1.00 | **met** |"));
        Assert.That(missed, Does.Contain("| `POST /orders` p99 at 200/s offered, in memory: after / before | at most 1.1 | 1.20 | **missed** |"));
    }

    [Test]
    public void Targets_SizesMemoryAndGlibc_AreJudgedAbsolutely()
    {
        var text = Write(Inputs());

        Assert.That(text, Does.Contain($"| zipped package of all {SystemTopology.Functions.Count} functions (one Native AOT `bootstrap`) | at most 10 MB | 6.68 MiB (7,000,000 bytes) | **met** |"));
        Assert.That(text, Does.Contain("| Native AOT peak RSS at the first response (largest function) | at most 25 MB | 19.5 MiB (`api`) | **met** |"));
        Assert.That(text, Does.Contain("| newest glibc symbol version the AOT binary needs | at most GLIBC_2.34 (Amazon Linux 2023) | `GLIBC_2.34` | **met** |"));
    }

    [Test]
    public void Targets_NoAbsoluteTimeVerdict()
    {
        var targets = Write(Inputs()).Split("## Targets")[1].Split("\n## ")[0];

        Assert.That(targets, Does.Not.Contain(" µs |").And.Not.Contain(" ms |"), "a target judged on an absolute time");
    }

    [Test]
    public void LoadTable_APhaseThatWasNotQuiet_MarksTheRunNoisy()
    {
        var quiet = Write(Inputs(quiet: true));
        var noisy = Write(Inputs(quiet: false));

        Assert.That(quiet, Does.Not.Contain("NOISY").And.Not.Contain("marked noisy"));
        Assert.That(noisy, Does.Contain("**This run is marked noisy**: cold start ran on a machine that never became quiet"));
        Assert.That(noisy, Does.Contain("**NOISY**: not quiet after 5 s"));
    }

    [Test]
    public void PlotData_HasOneRowPerConcurrencyLevelOfEachStorage()
    {
        Write(Inputs());

        var memory = File.ReadAllLines(Path.Combine(_folder, "plot", "e2e-memory.dat")).Where(l => !l.StartsWith('#')).ToList();
        Assert.That(memory, Is.EqualTo(new[] { "16 9.000 30.000 1480.0 1500.0", "64 40.000 90.000 1480.0 1500.0" }), "paused-pipeline rows are not plotted");
    }
}
