using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using OrderProcessing.Benchmarks.Events;
using OrderProcessing.DevTools.Processes;
using OrderProcessing.Topology;

namespace OrderProcessing.Benchmarks.EndToEnd;

/// <summary>
/// Load from a separate process (wrk) against the local host, per concurrency level on a fresh host: a warm-up window
/// (discarded, so tiered JIT has settled), then the measured window of POST /orders with unique customers, then the
/// pipeline is watched until every stage queue is empty. Completed orders per second counts from the window's start to
/// the moment the last of its orders completed, so a pipeline that falls behind the API shows up as a lower rate.
/// </summary>
public sealed class EndToEndRunner(string hostAssembly, string wrkScript, string logFolder)
{
    /// <summary>Products the load spreads over.</summary>
    public int Products { get; init; } = 100;

    /// <summary>The suffix of the storage label of runs with the customer e-mail function's queue paused.</summary>
    public const string CustomerMailPaused = ", customer e-mail paused";

    /// <summary>Runs one level: <paramref name="storageArguments"/> select the storage (empty for in memory).</summary>
    /// <param name="storage">Label of the storage (memory, dynalite).</param>
    /// <param name="storageArguments">Host options selecting the storage.</param>
    /// <param name="environment">Host environment (credentials for the local servers).</param>
    /// <param name="concurrency">wrk connections.</param>
    /// <param name="warmUp">Discarded window first.</param>
    /// <param name="window">Measured window.</param>
    /// <param name="pausePipeline">
    /// An experiment: pause every stage (as disabling its event source mapping does) for the measured window, so the API
    /// has the machine to itself; orders wait in their queues and nothing completes.
    /// </param>
    /// <param name="pauseCustomerMail">
    /// An experiment: pause the customer e-mail function's queue (<see cref="SystemTopology.Subscribers"/>) for the
    /// measured window and its drain, so orders complete without the e-mail work sharing the host; its messages wait.
    /// </param>
    public async Task<EndToEndResult> RunAsync(string storage, IReadOnlyList<string> storageArguments, IReadOnlyDictionary<string, string> environment, int concurrency, TimeSpan warmUp, TimeSpan window, bool pausePipeline = false, bool pauseCustomerMail = false)
    {
        await using var host = await StartHostAsync($"{storage}-c{concurrency}", storageArguments, environment).ConfigureAwait(false);
        using var client = await StockedClientAsync(host).ConfigureAwait(false);
        var runId = $"{storage}{concurrency}";
        if (warmUp > TimeSpan.Zero)
        {
            await WrkRun.RunAsync(host.BaseAddress, wrkScript, concurrency, warmUp, runId + "w", Products).ConfigureAwait(false);
            await DrainAsync(client, TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        }

        if (pausePipeline)
        {
            foreach (var stage in SystemTopology.Stages)
            {
                using var paused = await client.PostAsync(new Uri($"/_local/stages/{stage.Name}/pause", UriKind.Relative), null).ConfigureAwait(false);
                paused.EnsureSuccessStatusCode();
            }

            var apiOnly = await WrkRun.RunAsync(host.BaseAddress, wrkScript, concurrency, window, runId + "p", Products).ConfigureAwait(false);
            return new EndToEndResult(storage + ", pipeline paused", concurrency, apiOnly.DurationSeconds, apiOnly.Created, apiOnly.Failed, 0, 0, apiOnly.Created / apiOnly.DurationSeconds, 0, 0, apiOnly.P50Ms, apiOnly.P90Ms, apiOnly.P99Ms, apiOnly.MaxMs, 0, 0);
        }

        IReadOnlySet<string> pausedQueues = pauseCustomerMail ? SystemTopology.Subscribers.Select(s => s.Name).ToHashSet(StringComparer.Ordinal) : new HashSet<string>();
        foreach (var queue in pausedQueues)
        {
            using var response = await client.PostAsync(new Uri($"/_local/stages/{queue}/pause", UriKind.Relative), null).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        }

        var before = await PipelineCounts.ReadAsync(client).ConfigureAwait(false);
        var cpuBefore = host.CpuTime();
        var clock = Stopwatch.StartNew();
        var wrk = await WrkRun.RunAsync(host.BaseAddress, wrkScript, concurrency, window, runId, Products).ConfigureAwait(false);
        var windowEnd = clock.Elapsed;
        var after = await DrainAsync(client, TimeSpan.FromMinutes(10), pausedQueues).ConfigureAwait(false);
        var drained = clock.Elapsed;
        var cpu = host.CpuTime() - cpuBefore;
        var completed = after.Completed - before.Completed;
        return new EndToEndResult(
            pauseCustomerMail ? storage + CustomerMailPaused : storage,
            concurrency,
            wrk.DurationSeconds,
            wrk.Created,
            wrk.Failed,
            after.Entered - before.Entered,
            completed,
            wrk.Created / wrk.DurationSeconds,
            completed / drained.TotalSeconds,
            (drained - windowEnd).TotalSeconds,
            wrk.P50Ms,
            wrk.P90Ms,
            wrk.P99Ms,
            wrk.MaxMs,
            completed == 0 ? 0 : cpu.TotalMilliseconds / completed,
            after.DeadLetters);
    }

    /// <summary>
    /// POST /orders at <paramref name="rate"/> per second, open loop (<see cref="OpenLoopClient"/>), on a fresh host with the
    /// pipeline running: a warm-up window at the same rate (discarded), the measured window, then the queues drain.
    /// </summary>
    public async Task<FixedRateResult> RunAtRateAsync(string build, string storage, IReadOnlyList<string> storageArguments, IReadOnlyDictionary<string, string> environment, double rate, TimeSpan warmUp, TimeSpan window)
    {
        await using var host = await StartHostAsync($"{build}-{storage}-rate{rate:F0}", storageArguments, environment).ConfigureAwait(false);
        using var client = await StockedClientAsync(host).ConfigureAwait(false);
        using var loadClient = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var products = Products;
        var load = new OpenLoopClient(
            loadClient,
            i => new HttpRequestMessage(HttpMethod.Post, new Uri("/orders", UriKind.Relative))
            {
                Content = new StringContent(ApiEvents.OrderBody((int)i, $"sku-{i * 7 % products}"), System.Text.Encoding.UTF8, "application/json"),
            },
            expectedStatus: 201);
        if (warmUp > TimeSpan.Zero)
        {
            await load.RunAsync(rate, warmUp).ConfigureAwait(false);
            await DrainAsync(client, TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        }

        var run = await load.RunAsync(rate, window, firstIndex: 10_000_000).ConfigureAwait(false);
        var windowEnd = Stopwatch.StartNew();
        await DrainAsync(client, TimeSpan.FromMinutes(10)).ConfigureAwait(false);
        return new FixedRateResult(build, storage, rate, run.AchievedRate, run.DurationSeconds, run.Sent, run.Failed, run.Percentile(50), run.Percentile(90), run.Percentile(99), run.Percentile(100), windowEnd.Elapsed.TotalSeconds);
    }

    private Task<LocalHostProcess> StartHostAsync(string label, IReadOnlyList<string> storageArguments, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(storageArguments);
        string[] arguments = ["--delivery-delay-ms", "0", "--no-seed", "--notifications-file", Path.Combine(logFolder, $"notifications-{label}.jsonl"), .. storageArguments];

        // A load tool measures the pipeline, not token checks: checking is off, through the variable rather than --auth so a
        // baseline host that predates the option starts as well (it ignores a variable it does not know).
        var hostEnvironment = new Dictionary<string, string>(environment, StringComparer.Ordinal) { ["ORDERPROCESSING_AUTH"] = "none" };
        return LocalHostProcess.StartAsync(hostAssembly, _ => arguments, hostEnvironment, Path.Combine(logFolder, $"local-{label}.log"));
    }

    // A client of the host with the bench catalog stocked (ample stock, so no order runs out).
    private async Task<HttpClient> StockedClientAsync(LocalHostProcess host)
    {
        var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        for (var i = 0; i < Products; i++)
        {
            using var put = await client.PutAsJsonAsync(
                new Uri($"/products/sku-{i}", UriKind.Relative),
                new ProductBody("Bench product", 9.99m, "USD", 1_000_000_000),
                BenchJsonContext.Default.ProductBody).ConfigureAwait(false);
            put.EnsureSuccessStatusCode();
        }

        return client;
    }

    // Polls the queue counters until nothing is pending twice in a row (a message between stages is briefly in neither);
    // messages waiting in paused queues do not count.
    private static async Task<PipelineCounts> DrainAsync(HttpClient client, TimeSpan timeout, IReadOnlySet<string>? paused = null)
    {
        var clock = Stopwatch.StartNew();
        PipelineCounts? previous = null;
        while (true)
        {
            var counts = await PipelineCounts.ReadAsync(client, paused).ConfigureAwait(false);
            if (counts.Pending == 0 && previous is { Pending: 0 } && previous.Completed == counts.Completed && counts.Entered == counts.Completed)
            {
                return counts;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"The pipeline did not drain within {timeout.TotalSeconds} s: {counts}."));
            }

            previous = counts;
            await Task.Delay(20).ConfigureAwait(false);
        }
    }
}
