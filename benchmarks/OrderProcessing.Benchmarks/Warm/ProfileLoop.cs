using System.Diagnostics;
using OrderProcessing.Benchmarks.Events;
using OrderProcessing.Topology;

namespace OrderProcessing.Benchmarks.Warm;

/// <summary>
/// Invokes one handler in a loop for a while, for a profiler to attach to (<c>dotnet-trace collect -- dotnet
/// OrderProcessing.Benchmarks.dll profile --target create</c>): the warm benchmarks' inputs without BenchmarkDotNet.
/// </summary>
public static class ProfileLoop
{
    /// <summary>The targets <see cref="RunAsync"/> knows.</summary>
    public static IReadOnlyList<string> Targets { get; } = ["create", "get", .. SystemTopology.Stages.Select(s => s.Name)];

    /// <summary>Runs <paramref name="target"/> for <paramref name="duration"/> and returns invocations per second.</summary>
    public static async Task<double> RunAsync(string target, TimeSpan duration)
    {
        const int Batch = 2048;
        var stopwatch = Stopwatch.StartNew();
        long invocations = 0;
        var customer = 0;
        while (stopwatch.Elapsed < duration)
        {
            var system = new WarmSystem();
            if (target == "create")
            {
                var events = Enumerable.Range(customer, Batch).Select(i => ApiEvents.PlaceOrder(i)).ToArray();
                customer += Batch;
                foreach (var e in events)
                {
                    await WarmSystem.InvokeApiAsync(system.Api, e).ConfigureAwait(false);
                }
            }
            else if (target == "get")
            {
                var order = await system.PlaceAsync(1).ConfigureAwait(false);
                var get = ApiEvents.GetOrder(order.OrderId);
                for (var i = 0; i < Batch; i++)
                {
                    await WarmSystem.InvokeApiAsync(system.Api, get).ConfigureAwait(false);
                }
            }
            else
            {
                var stage = SystemTopology.Stages.FirstOrDefault(s => s.Name == target) ?? throw new ArgumentException($"Unknown target '{target}'; use one of {string.Join(", ", Targets)}.", nameof(target));
                var handler = StageBenchmarks.Handler(system, stage);
                foreach (var e in StageBenchmarks.Prepare(system, stage, Batch))
                {
                    await WarmSystem.InvokeStageAsync(handler, e).ConfigureAwait(false);
                }
            }

            invocations += Batch;
        }

        return invocations / stopwatch.Elapsed.TotalSeconds;
    }
}
