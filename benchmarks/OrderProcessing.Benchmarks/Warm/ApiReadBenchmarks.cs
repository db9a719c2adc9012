using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using OrderProcessing.Benchmarks.Events;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Benchmarks.Warm;

/// <summary>
/// The API's read routes over an in-memory store of <see cref="WarmSettings.StoredOrders"/> orders (10,000) of customers
/// with ten orders each, most of them completed and every fiftieth left at PAID: one order by id, the newest page of all
/// orders, the newest page of one status, and one customer's orders. Reads change nothing, so the store is built once.
/// </summary>
public class ApiReadBenchmarks
{

    private WarmSystem _system = null!;
    private byte[][] _gets = [];
    private byte[] _list = [];
    private byte[] _listByStatus = [];
    private byte[][] _listByCustomer = [];
    private int _next;

    /// <summary>Fills the store and checks every request answers 200.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _system = new WarmSystem();
        var stored = WarmSettings.StoredOrders;
        var customers = Math.Max(1, stored / 10);
        var ids = new List<string>(stored);
        for (var i = 0; i < stored; i++)
        {
            var order = _system.OrderInAsync(i % customers, i % 50 == 0 ? OrderStatus.Paid : OrderStatus.Completed).GetAwaiter().GetResult();
            ids.Add(order.OrderId);
        }

        var random = new Random(42);
        _gets = Enumerable.Range(0, 4096).Select(_ => ApiEvents.GetOrder(ids[random.Next(ids.Count)])).ToArray();
        _list = ApiEvents.ListOrders(new Dictionary<string, string?> { ["limit"] = "20" });
        _listByStatus = ApiEvents.ListOrders(new Dictionary<string, string?> { ["status"] = "PAID", ["limit"] = "20" });
        _listByCustomer = Enumerable.Range(0, 4096).Select(_ => ApiEvents.ListByCustomer($"c-{random.Next(customers)}", new Dictionary<string, string?> { ["limit"] = "20" })).ToArray();
        Expect.Status(200, WarmSystem.InvokeApiAsync(_system.Api, _gets[0]).GetAwaiter().GetResult(), "GET /orders/{orderId}");
        Expect.Status(200, WarmSystem.InvokeApiAsync(_system.Api, _list).GetAwaiter().GetResult(), "GET /orders");
        Expect.Status(200, WarmSystem.InvokeApiAsync(_system.Api, _listByStatus).GetAwaiter().GetResult(), "GET /orders?status=PAID");
        Expect.Status(200, WarmSystem.InvokeApiAsync(_system.Api, _listByCustomer[0]).GetAwaiter().GetResult(), "GET /customers/{customerId}/orders");
        LatencyRecorder.Reset();
    }

    /// <summary>GET /orders/{orderId}.</summary>
    [Benchmark(Description = "API GET /orders/{id}")]
    public async Task<int> GetOrder()
    {
        var start = Stopwatch.GetTimestamp();
        var status = await WarmSystem.InvokeApiAsync(_system.Api, _gets[_next++ & 4095]).ConfigureAwait(false);
        LatencyRecorder.Record(start);
        return status;
    }

    /// <summary>GET /orders?limit=20 (newest page of all orders).</summary>
    [Benchmark(Description = "API GET /orders?limit=20")]
    public async Task<int> ListOrders()
    {
        var start = Stopwatch.GetTimestamp();
        var status = await WarmSystem.InvokeApiAsync(_system.Api, _list).ConfigureAwait(false);
        LatencyRecorder.Record(start);
        return status;
    }

    /// <summary>GET /orders?status=PAID&amp;limit=20 (one order in fifty has that status).</summary>
    [Benchmark(Description = "API GET /orders?status=PAID&limit=20")]
    public async Task<int> ListOrdersByStatus()
    {
        var start = Stopwatch.GetTimestamp();
        var status = await WarmSystem.InvokeApiAsync(_system.Api, _listByStatus).ConfigureAwait(false);
        LatencyRecorder.Record(start);
        return status;
    }

    /// <summary>GET /customers/{customerId}/orders?limit=20 (ten orders each).</summary>
    [Benchmark(Description = "API GET /customers/{id}/orders")]
    public async Task<int> ListCustomerOrders()
    {
        var start = Stopwatch.GetTimestamp();
        var status = await WarmSystem.InvokeApiAsync(_system.Api, _listByCustomer[_next++ & 4095]).ConfigureAwait(false);
        LatencyRecorder.Record(start);
        return status;
    }

    /// <summary>Keeps the per-invocation latencies of <see cref="GetOrder"/>.</summary>
    [GlobalCleanup(Target = nameof(GetOrder))]
    public void CleanupGet() => LatencyRecorder.Complete(nameof(GetOrder), WarmSettings.MeasuredInvocations);

    /// <summary>Keeps the per-invocation latencies of <see cref="ListOrders"/>.</summary>
    [GlobalCleanup(Target = nameof(ListOrders))]
    public void CleanupList() => LatencyRecorder.Complete(nameof(ListOrders), WarmSettings.MeasuredInvocations);

    /// <summary>Keeps the per-invocation latencies of <see cref="ListOrdersByStatus"/>.</summary>
    [GlobalCleanup(Target = nameof(ListOrdersByStatus))]
    public void CleanupListByStatus() => LatencyRecorder.Complete(nameof(ListOrdersByStatus), WarmSettings.MeasuredInvocations);

    /// <summary>Keeps the per-invocation latencies of <see cref="ListCustomerOrders"/>.</summary>
    [GlobalCleanup(Target = nameof(ListCustomerOrders))]
    public void CleanupListByCustomer() => LatencyRecorder.Complete(nameof(ListCustomerOrders), WarmSettings.MeasuredInvocations);
}
