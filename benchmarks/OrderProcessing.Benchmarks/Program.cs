using System.Text.Json;
using OrderProcessing.Benchmarks.ColdStart;
using OrderProcessing.Benchmarks.Common;
using OrderProcessing.Benchmarks.Warm;

// The benchmark runner behind scripts/bench.sh: each command measures one thing and writes a JSON result file; `report`
// turns the result files into BENCHMARKS.md and the plot data.
var line = RunnerArguments.Parse(args);
switch (line.Command)
{
    case "warm":
    {
        var output = line.Required("--out");
        var quick = line.Flag("--quick");
        var filter = line.Optional("--filter");
        line.RejectUnknown();
        var results = WarmRunner.Run(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, "bdn"), quick, filter);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(results.ToList(), ResultsJsonContext.Default.ListWarmResult)).ConfigureAwait(false);
        foreach (var r in results)
        {
            Console.WriteLine($"{r.Description,-40} mean {r.MeanMicroseconds,9:F1} us  p50 {r.P50Microseconds,9:F1} us  p99 {r.P99Microseconds,9:F1} us  {r.AllocatedBytes,8} B");
        }

        return 0;
    }

    case "coldstart":
    {
        var runner = new ColdStartRunner(line.Required("--probe"), new Uri(line.Required("--dynamodb")));
        var variants = ColdStartVariant.Standard(line.Required("--plain"), line.Required("--r2r"));
        var only = line.List("--variants");
        var runs = line.Integer("--runs", 20);
        var output = line.Required("--out");
        line.RejectUnknown();
        if (only.Count > 0)
        {
            variants = variants.Where(v => only.Contains(v.Name)).ToList();
        }

        await runner.PrepareAsync().ConfigureAwait(false);
        var results = await runner.RunAsync(variants, runs, Console.WriteLine).ConfigureAwait(false);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(results.ToList(), ResultsJsonContext.Default.ListColdStartResult)).ConfigureAwait(false);
        foreach (var r in results)
        {
            Console.WriteLine($"{r.Name,-14} ready p50 {r.ReadyMedian,7:F0} ms p90 {r.ReadyP90,7:F0}  first response p50 {r.FirstResponseMedian,7:F0} ms p90 {r.FirstResponseP90,7:F0}  wall p50 {r.WallMedian,7:F0} ms  peak RSS {r.PeakRssMedianMiB,5:F0} MiB  JIT {r.JitMethodsMedian,5:F0} methods {r.JitMsMedian,5:F0} ms");
        }

        return 0;
    }

    case "profile":
    {
        var target = line.Optional("--target") ?? "create";
        var seconds = line.Integer("--seconds", 20);
        line.RejectUnknown();
        var rate = await ProfileLoop.RunAsync(target, TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
        Console.WriteLine($"{target}: {rate:F0} invocations/s");
        return 0;
    }

    default:
        Console.Error.WriteLine("usage: OrderProcessing.Benchmarks warm --out FILE [--quick] [--filter NAME]");
        return 2;
}
