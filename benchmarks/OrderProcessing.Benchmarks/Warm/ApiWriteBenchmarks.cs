using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using OrderProcessing.Benchmarks.Events;

namespace OrderProcessing.Benchmarks.Warm;

/// <summary>
/// <c>POST /orders</c> through the API function's Stream handler over in-memory stores: one unique order per invocation
/// (its own customer), without and with an <c>Idempotency-Key</c>. Each iteration starts from fresh stores.
/// </summary>
public class ApiWriteBenchmarks
{
    private WarmSystem _system = null!;
    private byte[][] _plain = [];
    private byte[][] _keyed = [];
    private int _next;

    /// <summary>Builds the request events once and checks that the handler accepts them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var count = WarmSettings.InvocationsPerIteration;
        _plain = Enumerable.Range(0, count).Select(i => ApiEvents.PlaceOrder(i)).ToArray();
        _keyed = Enumerable.Range(0, count).Select(i => ApiEvents.PlaceOrder(i, idempotencyKey: "checkout-" + i.ToString(CultureInfo.InvariantCulture))).ToArray();
        var check = new WarmSystem();
        Expect.Status(201, WarmSystem.InvokeApiAsync(check.Api, _plain[0]).GetAwaiter().GetResult(), "POST /orders");
        Expect.Status(201, WarmSystem.InvokeApiAsync(check.Api, _keyed[0]).GetAwaiter().GetResult(), "POST /orders with Idempotency-Key");
        LatencyRecorder.Reset();
    }

    /// <summary>Fresh stores for each iteration.</summary>
    [IterationSetup]
    public void FreshStores()
    {
        _system = new WarmSystem();
        _next = 0;
    }

    /// <summary>POST /orders.</summary>
    [Benchmark(Description = "API POST /orders")]
    public async Task<int> CreateOrder()
    {
        var start = Stopwatch.GetTimestamp();
        var status = await WarmSystem.InvokeApiAsync(_system.Api, _plain[_next++]).ConfigureAwait(false);
        LatencyRecorder.Record(start);
        return status;
    }

    /// <summary>POST /orders with an Idempotency-Key (one more store round trip and the request fingerprint).</summary>
    [Benchmark(Description = "API POST /orders (Idempotency-Key)")]
    public async Task<int> CreateOrderIdempotent()
    {
        var start = Stopwatch.GetTimestamp();
        var status = await WarmSystem.InvokeApiAsync(_system.Api, _keyed[_next++]).ConfigureAwait(false);
        LatencyRecorder.Record(start);
        return status;
    }

    /// <summary>Keeps the per-invocation latencies of <see cref="CreateOrder"/>.</summary>
    [GlobalCleanup(Target = nameof(CreateOrder))]
    public void CleanupCreate() => LatencyRecorder.Complete(nameof(CreateOrder), WarmSettings.MeasuredInvocations);

    /// <summary>Keeps the per-invocation latencies of <see cref="CreateOrderIdempotent"/>.</summary>
    [GlobalCleanup(Target = nameof(CreateOrderIdempotent))]
    public void CleanupCreateIdempotent() => LatencyRecorder.Complete(nameof(CreateOrderIdempotent), WarmSettings.MeasuredInvocations);
}
