using System.Text.Json;
using OrderProcessing.Benchmarks.ColdStart;
using OrderProcessing.Benchmarks.Common;
using OrderProcessing.Benchmarks.Cost;
using OrderProcessing.Benchmarks.EndToEnd;
using OrderProcessing.Benchmarks.Machine;
using OrderProcessing.Benchmarks.Report;
using OrderProcessing.Benchmarks.Storage;
using OrderProcessing.Benchmarks.Warm;
using OrderProcessing.Benchmarks.WarmLoop;

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

    case "warm-loop":
    {
        var builds = WarmLoopRunner.Builds(line.Required("--aot"), line.Required("--jit"));
        var rounds = line.Integer("--rounds", 5);
        var warmUp = TimeSpan.FromSeconds(line.Integer("--warmup", 5));
        var batches = line.Integer("--batches", 20);
        var perBatch = line.Integer("--per-batch", 2000);
        var output = line.Required("--out");
        line.RejectUnknown();
        var results = await WarmLoopRunner.RunAsync(builds, rounds, warmUp, batches, perBatch, Console.WriteLine).ConfigureAwait(false);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(results.ToList(), ResultsJsonContext.Default.ListWarmLoopResult)).ConfigureAwait(false);
        foreach (var r in results)
        {
            Console.WriteLine($"{r.Name,-4} POST /orders {r.NanosecondsPerOpMedian / 1000,8:F1} us  {r.AllocatedBytesPerOpMedian,8:F0} B allocated");
        }

        return 0;
    }

    case "coldstart":
    {
        var runner = new ColdStartRunner(new Uri(line.Required("--dynamodb")));
        var variants = ColdStartVariant.Standard(line.Required("--aot"), line.Required("--jit"), line.Required("--r2r"));
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
            Console.WriteLine($"{r.Function,-18} {r.Name,-4} first response p50 {r.FirstResponseMedian,7:F1} ms p90 {r.FirstResponseP90,7:F1} ms  peak RSS {r.PeakRssMedianMiB,5:F1} MiB");
        }

        return 0;
    }

    case "e2e":
    {
        var logs = line.Required("--logs");
        var runner = new EndToEndRunner(line.Required("--host"), line.Required("--wrk-script"), logs) { Products = line.Integer("--products", 100) };
        var levels = line.List("--concurrency").Select(int.Parse).ToList();
        var window = TimeSpan.FromSeconds(line.Integer("--seconds", 20));
        var warmUp = TimeSpan.FromSeconds(line.Integer("--warmup", 10));
        var dynamoDb = line.Optional("--dynamodb");
        var s3 = line.Optional("--s3");
        var storages = line.List("--storage");
        var pausedLevels = line.List("--paused-levels").Select(int.Parse).ToList();
        var mailPausedLevels = line.List("--mail-paused-levels").Select(int.Parse).ToList();
        var output = line.Required("--out");
        line.RejectUnknown();
        Directory.CreateDirectory(logs);
        var results = new List<EndToEndResult>();
        foreach (var storage in storages.Count > 0 ? storages : ["memory"])
        {
            foreach (var concurrency in levels.Count > 0 ? levels : [1, 16, 64])
            {
                IReadOnlyList<string> storageArguments = storage == "memory"
                    ? []
                    : ["--storage", "aws", "--dynamodb-endpoint", dynamoDb ?? throw new ArgumentException("--dynamodb is required for dynalite"), "--s3-endpoint", s3 ?? throw new ArgumentException("--s3 is required for dynalite"), "--create-tables", "--table-prefix", $"e2e-c{concurrency}-", "--bucket", $"e2e-c{concurrency}-invoices"];
                var environment = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = BenchStorage.LocalKey, ["AWS_SECRET_ACCESS_KEY"] = BenchStorage.LocalKey };
                var result = await runner.RunAsync(storage, storageArguments, environment, concurrency, warmUp, window).ConfigureAwait(false);
                results.Add(result);
                Console.WriteLine($"{result.Storage,-9} c={result.Concurrency,-3} POST {result.PostsPerSecond,7:F0}/s p50 {result.P50Ms,7:F2} ms p99 {result.P99Ms,8:F2} ms  completed {result.CompletedPerSecond,7:F0}/s (drain {result.DrainSeconds:F1} s)  host CPU {result.HostCpuMsPerOrder:F2} ms/order  failed {result.Failed} dead {result.DeadLetters}");
            }
        }

        // The after system e-mails the customer three times per order in the same host; with that queue paused, the same
        // run shows what the pipeline completes without the e-mail work.
        foreach (var concurrency in mailPausedLevels)
        {
            var result = await runner.RunAsync("memory", [], new Dictionary<string, string>(), concurrency, warmUp, window, pauseCustomerMail: true).ConfigureAwait(false);
            results.Add(result);
            Console.WriteLine($"{result.Storage} c={result.Concurrency,-3} POST {result.PostsPerSecond,7:F0}/s completed {result.CompletedPerSecond,7:F0}/s (drain {result.DrainSeconds:F1} s)  host CPU {result.HostCpuMsPerOrder:F2} ms/order");
        }

        foreach (var concurrency in pausedLevels)
        {
            var result = await runner.RunAsync("memory", [], new Dictionary<string, string>(), concurrency, warmUp, window, pausePipeline: true).ConfigureAwait(false);
            results.Add(result);
            Console.WriteLine($"{result.Storage} c={result.Concurrency,-3} POST {result.PostsPerSecond,7:F0}/s p50 {result.P50Ms,7:F2} ms p99 {result.P99Ms,8:F2} ms");
        }

        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(results, ResultsJsonContext.Default.ListEndToEndResult)).ConfigureAwait(false);
        return 0;
    }

    case "latency":
    {
        // POST latency at a fixed offered rate (open loop) on a fresh host; appends to --out so after and before share a file.
        var runner = new EndToEndRunner(line.Required("--host"), "", Path.GetFullPath(line.Required("--logs"))) { Products = line.Integer("--products", 100) };
        var build = line.Optional("--build") ?? "after";
        var storage = line.Optional("--storage") ?? "memory";
        var rate = line.Integer("--rate", 200);
        var window = TimeSpan.FromSeconds(line.Integer("--seconds", 30));
        var warmUp = TimeSpan.FromSeconds(line.Integer("--warmup", 10));
        var dynamoDb = line.Optional("--dynamodb");
        var s3 = line.Optional("--s3");
        var output = line.Required("--out");
        line.RejectUnknown();
        Directory.CreateDirectory(line.Required("--logs"));
        IReadOnlyList<string> storageArguments = storage == "memory"
            ? []
            : ["--storage", "aws", "--dynamodb-endpoint", dynamoDb ?? throw new ArgumentException("--dynamodb is required for dynalite"), "--s3-endpoint", s3 ?? throw new ArgumentException("--s3 is required for dynalite"), "--create-tables", "--table-prefix", $"rate-{build}-", "--bucket", $"rate-{build}-invoices"];
        var environment = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = BenchStorage.LocalKey, ["AWS_SECRET_ACCESS_KEY"] = BenchStorage.LocalKey };
        var result = await runner.RunAtRateAsync(build, storage, storageArguments, environment, rate, warmUp, window).ConfigureAwait(false);
        var results = File.Exists(output) ? JsonSerializer.Deserialize(await File.ReadAllTextAsync(output).ConfigureAwait(false), ResultsJsonContext.Default.ListFixedRateResult)! : [];
        results.Add(result);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(results, ResultsJsonContext.Default.ListFixedRateResult)).ConfigureAwait(false);
        Console.WriteLine($"{result.Build} {result.Storage,-9} offered {result.OfferedRate:F0}/s achieved {result.AchievedRate:F0}/s  p50 {result.P50Ms:F2} ms p90 {result.P90Ms:F2} ms p99 {result.P99Ms:F2} ms max {result.MaxMs:F1} ms  ({result.Requests} requests, {result.Failed} failed, drain {result.DrainSeconds:F1} s)");
        return 0;
    }

    case "cost":
    {
        var sampler = new CostSampler(new Uri(line.Required("--dynamodb")), new Uri(line.Required("--s3")));
        var orders = line.Integer("--orders", 200);
        var output = line.Required("--out");
        line.RejectUnknown();
        var sample = await sampler.RunAsync(orders, warmUp: 20).ConfigureAwait(false);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(sample, ResultsJsonContext.Default.CostSample)).ConfigureAwait(false);
        var lines = CostModel.Lines(sample);
        foreach (var l in lines)
        {
            Console.WriteLine($"{l.Item,-36} {l.PerOrder,10:F4} {l.Unit,-12} ${l.DollarsPerMillionOrders,8:F2} per million orders");
        }

        Console.WriteLine($"{"total",-36} {"",10} {"",-12} ${CostModel.Total(lines),8:F2} per million orders");
        return 0;
    }

    case "sizes":
    {
        var aot = line.Required("--aot");
        var sizes = SizeResult.Measure([("aot", aot), ("jit", line.Required("--jit")), ("r2r", line.Required("--r2r"))], aot);
        var output = line.Required("--out");
        line.RejectUnknown();
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(sizes, ResultsJsonContext.Default.SizeResult)).ConfigureAwait(false);
        Console.WriteLine(string.Join(", ", sizes.Builds.Select(b => $"{b.Name} {b.ZipBytes / 1048576.0:F1} MiB zipped")) + $"; the AOT binary needs {sizes.AotGlibc}");
        return 0;
    }

    case "load":
    {
        var phase = line.Required("--phase");
        var output = line.Required("--out");
        line.RejectUnknown();
        var samples = File.Exists(output) ? JsonSerializer.Deserialize(await File.ReadAllTextAsync(output).ConfigureAwait(false), ResultsJsonContext.Default.ListLoadSample)! : [];
        var sample = LoadSample.Now(phase);
        samples.Add(sample);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(samples, ResultsJsonContext.Default.ListLoadSample)).ConfigureAwait(false);
        Console.WriteLine($"load {sample.Load1:F2} {sample.Load5:F2} {sample.Load15:F2} ({phase})");
        return 0;
    }

    case "quiet":
    {
        // Before each timed phase: wait for a quiet machine, then record the reading with what the wait found.
        var phase = line.Required("--phase");
        var output = line.Required("--out");
        var allowNoisy = line.Flag("--allow-noisy");
        var defaults = QuietCriteria.Default;
        var criteria = new QuietCriteria(
            line.Integer("--min-idle", (int)defaults.MinIdlePercent),
            line.Integer("--quiet-seconds", defaults.QuietSeconds),
            TimeSpan.FromSeconds(line.Integer("--max-wait", (int)defaults.MaxWait.TotalSeconds)));
        line.RejectUnknown();
        var outcome = await QuietMachineGate.WaitAsync(criteria, Console.WriteLine).ConfigureAwait(false);
        var samples = File.Exists(output) ? JsonSerializer.Deserialize(await File.ReadAllTextAsync(output).ConfigureAwait(false), ResultsJsonContext.Default.ListLoadSample)! : [];
        var sample = LoadSample.Now(phase) with { IdlePercent = outcome.IdlePercent, WaitedSeconds = outcome.Waited.TotalSeconds, Quiet = outcome.Quiet };
        samples.Add(sample);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(samples, ResultsJsonContext.Default.ListLoadSample)).ConfigureAwait(false);
        var what = $"{outcome.IdlePercent:F0}% idle after {outcome.Waited.TotalSeconds:F0} s (load {sample.Load1:F2})";
        if (outcome.Quiet)
        {
            Console.WriteLine($"quiet: {what} ({phase})");
            return 0;
        }

        if (allowNoisy)
        {
            Console.WriteLine($"NOT quiet: {what}; {phase} runs anyway (--allow-noisy) and the report marks it noisy");
            return 0;
        }

        Console.Error.WriteLine($"bench: the machine did not become quiet ({criteria.MinIdlePercent:F0}% CPU idle for {criteria.QuietSeconds} s running) within {criteria.MaxWait.TotalSeconds:F0} s before {phase}: {what}. "
            + "Other processes are using the cores, so timings would measure them too. Run again when the machine is quiet, or pass --allow-noisy to measure anyway with the report marked noisy.");
        return 3;
    }

    case "run-info":
    {
        var started = DateTimeOffset.Parse(line.Required("--started"), System.Globalization.CultureInfo.InvariantCulture);
        var info = RunInfo.Describe(line.Required("--mode"), line.Required("--commit"), line.Optional("--baseline"), started);
        var output = line.Required("--out");
        line.RejectUnknown();
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(info, ResultsJsonContext.Default.RunInfo)).ConfigureAwait(false);
        return 0;
    }

    case "report":
    {
        var results = line.Required("--results");
        var template = line.Required("--template");
        var output = line.Required("--out");
        var plotData = line.Required("--plot-data");
        line.RejectUnknown();
        BenchmarkReportWriter.Write(ReportInputs.Read(results), template, output, plotData);
        Console.WriteLine($"wrote {output}");
        return 0;
    }

    case "merge-e2e":
    {
        var output = line.Required("--out");
        var inputs = line.List("--inputs");
        line.RejectUnknown();
        var merged = new List<EndToEndResult>();
        foreach (var file in inputs)
        {
            merged.AddRange(JsonSerializer.Deserialize(await File.ReadAllTextAsync(file).ConfigureAwait(false), ResultsJsonContext.Default.ListEndToEndResult)!);
        }

        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(merged, ResultsJsonContext.Default.ListEndToEndResult)).ConfigureAwait(false);
        return 0;
    }

    case "free-port":
    {
        line.RejectUnknown();
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        Console.WriteLine(((System.Net.IPEndPoint)listener.LocalEndpoint).Port);
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
        Console.Error.WriteLine("""
            usage: OrderProcessing.Benchmarks <command> [options]   (scripts/bench.sh runs them all)
              warm       --out FILE [--quick] [--filter NAME]                  BenchmarkDotNet, handlers over in-memory stores
              warm-loop  --aot EXE --jit EXE --out FILE [--rounds 5] [--warmup 5] [--batches 20] [--per-batch 2000]
                                                                                POST /orders loop, Native AOT against JIT
              coldstart  --dynamodb URL --aot DIR --jit DIR --r2r DIR --runs N --out FILE [--variants aot,jit]
                                                                                fresh bootstrap processes, Runtime API
              latency    --host DLL --logs DIR --out FILE --rate N [--storage memory|dynalite] [--build after|before]
                         [--seconds N] [--warmup N] [--products N] [--dynamodb URL --s3 URL]   open loop at a fixed rate
              cost       --dynamodb URL --s3 URL --orders N --out FILE         whole orders against dynalite and s3rver
              e2e        --host DLL --wrk-script FILE --logs DIR --out FILE [--storage memory,dynalite] [--concurrency 1,16,64]
                         [--seconds N] [--warmup N] [--products N] [--dynamodb URL --s3 URL] [--paused-levels 16] [--mail-paused-levels 16]
              sizes      --aot DIR --jit DIR --r2r DIR --out FILE                 publish folders and DIR.zip beside each
              load       --phase NAME --out FILE                               append the load averages
              quiet      --phase NAME --out FILE [--allow-noisy] [--min-idle 85] [--quiet-seconds 5] [--max-wait 600]
                                                                                wait for a quiet machine, append the reading
              run-info   --mode full|quick --commit SHA [--baseline SHA] --started ISO --out FILE
              report     --results DIR --template FILE --out FILE --plot-data DIR
              profile    [--target create|get|<stage>] [--seconds N]            loop one handler for a profiler
              merge-e2e  --inputs A.json,B.json --out FILE
              free-port
            """);
        return 2;
}
