using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using OrderProcessing.Benchmarks.Events;
using OrderProcessing.Benchmarks.Warm;

// usage: OrderProcessing.WarmLoop [warm-up seconds] [measured batches] [invocations per batch]
// Invokes POST /orders through ApiFunction's Stream handler over in-memory stores, one unique order per invocation as the
// BenchmarkDotNet benchmark does: first for the warm-up time (under JIT that brings the path to tier 1 with its dynamic
// PGO; under Native AOT it warms caches alike), then the measured batches, each on fresh stores built outside the timed
// part, events built beforehand. Prints one line "@@warmloop {json}": time per invocation (the median of the batches'
// means, so one batch that met a collection or another process does not decide) and bytes allocated per invocation.
var warmUp = TimeSpan.FromSeconds(args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3);
var batches = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var perBatch = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2000;

var check = new WarmSystem();
Expect.Status(201, await WarmSystem.InvokeApiAsync(check.Api, ApiEvents.PlaceOrder(0)).ConfigureAwait(false), "POST /orders");

var customer = 0;
var clock = Stopwatch.StartNew();
while (clock.Elapsed < warmUp)
{
    await RunBatchAsync(perBatch).ConfigureAwait(false);
}

var batchNanoseconds = new List<double>(batches);
long allocated = 0;
for (var b = 0; b < batches; b++)
{
    var (elapsed, bytes) = await RunBatchAsync(perBatch).ConfigureAwait(false);
    batchNanoseconds.Add(elapsed.TotalNanoseconds / perBatch);
    allocated += bytes;
}

batchNanoseconds.Sort();
var median = batchNanoseconds[(batchNanoseconds.Count - 1) / 2];
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"@@warmloop {{\"runtime\":\"{(RuntimeFeature.IsDynamicCodeSupported ? "jit" : "aot")}\",\"nsPerOp\":{median:F1},\"minNsPerOp\":{batchNanoseconds[0]:F1},\"maxNsPerOp\":{batchNanoseconds[^1]:F1},\"allocatedBytesPerOp\":{(double)allocated / (batches * perBatch):F1},\"invocations\":{batches * perBatch},\"warmUpSeconds\":{warmUp.TotalSeconds:F1}}}"));
return 0;

// One batch on fresh stores; only the invocations are timed and their allocations counted (every thread's: an
// invocation may resume on another thread).
async Task<(TimeSpan Elapsed, long AllocatedBytes)> RunBatchAsync(int count)
{
    var system = new WarmSystem();
    var events = new byte[count][];
    for (var i = 0; i < count; i++)
    {
        events[i] = ApiEvents.PlaceOrder(customer++);
    }

    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var start = Stopwatch.GetTimestamp();
    foreach (var e in events)
    {
        await WarmSystem.InvokeApiAsync(system.Api, e).ConfigureAwait(false);
    }

    var elapsed = Stopwatch.GetElapsedTime(start);
    return (elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
}
