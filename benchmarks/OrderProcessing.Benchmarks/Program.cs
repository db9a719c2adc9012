using System.Text.Json;
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
