using OrderProcessing.Benchmarks.ColdStart;
using OrderProcessing.Benchmarks.Cost;
using OrderProcessing.Benchmarks.EndToEnd;
using OrderProcessing.Benchmarks.Report;
using OrderProcessing.Benchmarks.Warm;

namespace OrderProcessing.Benchmarks.Tests.Report;

/// <summary>The report fills every token the BENCHMARKS.md template uses and judges the targets from the numbers.</summary>
public sealed class BenchmarkReportWriterTests
{
    private string _folder = "";

    [SetUp]
    public void Folder() => _folder = Directory.CreateTempSubdirectory("bench-report-").FullName;

    [TearDown]
    public void Remove() => Directory.Delete(_folder, recursive: true);

    private static ReportInputs Inputs(double createMeanMicroseconds = 45, long createBytes = 19_000, double c16P99 = 30) => new(
        new RunInfo("quick", "abc1234", "def5678", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(9), "test CPU", 2, 8, ".NET 10", "Linux"),
        [new LoadSample("start", DateTimeOffset.UnixEpoch, 1, 1, 1)],
        [new WarmResult(nameof(ApiWriteBenchmarks.CreateOrder), "'API POST /orders'", createMeanMicroseconds, 1, 40, 90, createBytes, 0), .. OtherBenchmarks(30)],
        [new WarmResult(nameof(ApiWriteBenchmarks.CreateOrder), "'API POST /orders'", 74, 1, 70, 150, 31_000, 0), .. OtherBenchmarks(60)],
        [
            new ColdStartResult("plain", "plain", [new ColdStartSample(30, 150, 500, 510, 65_000, 201, 1_000, 100, 3_000, 300)]) { JitBreakdown = new Dictionary<string, int> { ["System.Text.Json"] = 260 } },
            new ColdStartResult("r2r", "r2r", [new ColdStartSample(30, 100, 320, 330, 65_000, 201, 300, 40, 1_200, 150)]) { JitBreakdown = new Dictionary<string, int> { ["System.Text.Json"] = 260 } },
        ],
        new SizeResult(4_000_000, 1_500_000, 10_000_000, 4_000_000),
        [
            new EndToEndResult("memory", 16, 20, 30_000, 0, 30_000, 30_000, 1_500, 1_480, 0.1, 9, 15, c16P99, 60, 1.1, 0),
            new EndToEndResult("memory", 64, 20, 30_000, 0, 30_000, 30_000, 1_500, 1_480, 0.1, 40, 60, 90, 120, 1.1, 0),
            new EndToEndResult("memory, pipeline paused", 16, 20, 100_000, 0, 0, 0, 5_000, 0, 0, 3, 5, 13, 30, 0, 0),
            new EndToEndResult("dynalite", 16, 20, 3_000, 0, 3_000, 3_000, 150, 140, 2, 90, 120, 160, 300, 8, 0),
        ],
        [new EndToEndResult("memory", 16, 20, 18_000, 0, 18_000, 18_000, 900, 890, 0.1, 12, 40, 280, 500, 1.6, 0)],
        new CostSample(10, [new FunctionUsage("api", 1024, 1, 4, 5, 3, 1_000, [new OperationUsage("DynamoDB:PutItem", 1, 0, 1, 3)])], 500, 1_200, 1_600));

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
    public void Targets_AreJudgedFromTheNumbers()
    {
        var met = Write(Inputs(createMeanMicroseconds: 45, createBytes: 19_000, c16P99: 15));
        var missed = Write(Inputs(createMeanMicroseconds: 140, createBytes: 25_000, c16P99: 30));

        Assert.That(met, Does.Contain("| warm `POST /orders` mean, in memory | at most 100 µs | 45.0 µs | **met** |"));
        Assert.That(missed, Does.Contain("| warm `POST /orders` mean, in memory | at most 100 µs | 140.0 µs | **missed** |"));
        Assert.That(met, Does.Contain("| `POST /orders` p99 at concurrency 16, in memory | at most 20 ms | 15.0 ms | **met** |"));
        Assert.That(missed, Does.Contain("| warm `POST /orders` allocated per invocation | at most 20 KB | 24.4 KB | **missed** |"));
    }

    [Test]
    public void PlotData_HasOneRowPerConcurrencyLevelOfEachStorage()
    {
        Write(Inputs());

        var memory = File.ReadAllLines(Path.Combine(_folder, "plot", "e2e-memory.dat")).Where(l => !l.StartsWith('#')).ToList();
        Assert.That(memory, Is.EqualTo(new[] { "16 9.000 30.000 1480.0 1500.0", "64 40.000 90.000 1480.0 1500.0" }), "paused-pipeline rows are not plotted");
    }
}
