using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using OrderProcessing.Benchmarks.Events;
using OrderProcessing.Core.Orders;
using OrderProcessing.Topology;

namespace OrderProcessing.Benchmarks.Warm;

/// <summary>
/// Each stage function's Stream handler over in-memory stores, one SQS event of one message per invocation (the stream
/// record of an order that has just entered the stage's status, with both images, as a pipe forwards it). Each iteration
/// prepares that many orders in the right status on fresh stores.
/// </summary>
public class StageBenchmarks
{
    private WarmSystem _system = null!;
    private byte[][] _events = [];
    private int _next;

    /// <summary>Checks that each stage moves a prepared order.</summary>
    [GlobalSetup]
    public void Setup()
    {
        foreach (var stage in SystemTopology.Stages)
        {
            var system = new WarmSystem();
            var input = Prepare(system, stage, 1)[0];
            Expect.NoFailures(WarmSystem.InvokeStageAsync(Handler(system, stage), input).GetAwaiter().GetResult(), stage.Name);
        }

        LatencyRecorder.Reset();
    }

    /// <summary>Orders entering PENDING.</summary>
    [IterationSetup(Target = nameof(ReserveInventory))]
    public void SetupReserve() => Fresh(SystemTopology.ReserveInventory);

    /// <summary>Orders entering RESERVED.</summary>
    [IterationSetup(Target = nameof(ChargePayment))]
    public void SetupCharge() => Fresh(SystemTopology.ChargePayment);

    /// <summary>Orders entering PAID.</summary>
    [IterationSetup(Target = nameof(ShipOrder))]
    public void SetupShip() => Fresh(SystemTopology.ShipOrder);

    /// <summary>Orders entering SHIPPED.</summary>
    [IterationSetup(Target = nameof(GenerateInvoice))]
    public void SetupInvoice() => Fresh(SystemTopology.GenerateInvoice);

    /// <summary>Paid orders entering CANCELLED.</summary>
    [IterationSetup(Target = nameof(Compensate))]
    public void SetupCompensate() => Fresh(SystemTopology.Compensate);

    /// <summary>reserve-inventory: reserve the line's stock, PENDING to RESERVED.</summary>
    [Benchmark(Description = "stage reserve-inventory")]
    public Task<int> ReserveInventory() => InvokeAsync(_system.ReserveInventory.HandleAsync);

    /// <summary>charge-payment: capture, RESERVED to PAID.</summary>
    [Benchmark(Description = "stage charge-payment")]
    public Task<int> ChargePayment() => InvokeAsync(_system.ChargePayment.HandleAsync);

    /// <summary>ship-order: ship the stock, PAID to SHIPPED.</summary>
    [Benchmark(Description = "stage ship-order")]
    public Task<int> ShipOrder() => InvokeAsync(_system.ShipOrder.HandleAsync);

    /// <summary>generate-invoice: render and store the PDF, SHIPPED to COMPLETED.</summary>
    [Benchmark(Description = "stage generate-invoice")]
    public Task<int> GenerateInvoice() => InvokeAsync(_system.GenerateInvoice.HandleAsync);

    /// <summary>compensate: release stock and refund a cancelled paid order.</summary>
    [Benchmark(Description = "stage compensate")]
    public Task<int> Compensate() => InvokeAsync(_system.Compensate.HandleAsync);

    /// <summary>Keeps the per-invocation latencies of <see cref="ReserveInventory"/>.</summary>
    [GlobalCleanup(Target = nameof(ReserveInventory))]
    public void CleanupReserve() => LatencyRecorder.Complete(nameof(ReserveInventory), WarmSettings.MeasuredInvocations);

    /// <summary>Keeps the per-invocation latencies of <see cref="ChargePayment"/>.</summary>
    [GlobalCleanup(Target = nameof(ChargePayment))]
    public void CleanupCharge() => LatencyRecorder.Complete(nameof(ChargePayment), WarmSettings.MeasuredInvocations);

    /// <summary>Keeps the per-invocation latencies of <see cref="ShipOrder"/>.</summary>
    [GlobalCleanup(Target = nameof(ShipOrder))]
    public void CleanupShip() => LatencyRecorder.Complete(nameof(ShipOrder), WarmSettings.MeasuredInvocations);

    /// <summary>Keeps the per-invocation latencies of <see cref="GenerateInvoice"/>.</summary>
    [GlobalCleanup(Target = nameof(GenerateInvoice))]
    public void CleanupInvoice() => LatencyRecorder.Complete(nameof(GenerateInvoice), WarmSettings.MeasuredInvocations);

    /// <summary>Keeps the per-invocation latencies of <see cref="Compensate"/>.</summary>
    [GlobalCleanup(Target = nameof(Compensate))]
    public void CleanupCompensate() => LatencyRecorder.Complete(nameof(Compensate), WarmSettings.MeasuredInvocations);

    /// <summary>The SQS events of <paramref name="count"/> orders that have just entered <paramref name="stage"/>'s status.</summary>
    public static byte[][] Prepare(WarmSystem system, FunctionDefinition stage, int count)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(stage);
        var events = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            Order order;
            OrderStatus? previous;
            if (stage.Trigger.Status == OrderStatus.Cancelled)
            {
                var paid = system.OrderInAsync(i, OrderStatus.Paid).GetAwaiter().GetResult();
                order = system.Services.Orders.CancelAsync(paid.OrderId, "changed my mind").GetAwaiter().GetResult();
                previous = OrderStatus.Paid;
            }
            else
            {
                var status = stage.Trigger.Status!.Value;
                order = system.OrderInAsync(i, status).GetAwaiter().GetResult();
                previous = order.History.Count > 1 ? order.History[^2].Status : null;
            }

            events[i] = StageEvents.ForTransition(order, previous, stage.Name);
        }

        return events;
    }

    /// <summary>The Stream handler of <paramref name="stage"/> in <paramref name="system"/>.</summary>
    public static Func<Stream, Task<Stream>> Handler(WarmSystem system, FunctionDefinition stage)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(stage);
        return stage.Name switch
        {
            "reserve-inventory" => system.ReserveInventory.HandleAsync,
            "charge-payment" => system.ChargePayment.HandleAsync,
            "ship-order" => system.ShipOrder.HandleAsync,
            "generate-invoice" => system.GenerateInvoice.HandleAsync,
            "compensate" => system.Compensate.HandleAsync,
            _ => throw new ArgumentException($"Unknown stage '{stage.Name}'.", nameof(stage)),
        };
    }

    private void Fresh(FunctionDefinition stage)
    {
        _system = new WarmSystem();
        _events = Prepare(_system, stage, WarmSettings.InvocationsPerIteration);
        _next = 0;
    }

    private async Task<int> InvokeAsync(Func<Stream, Task<Stream>> handler)
    {
        var start = Stopwatch.GetTimestamp();
        var failures = await WarmSystem.InvokeStageAsync(handler, _events[_next++]).ConfigureAwait(false);
        LatencyRecorder.Record(start);
        return failures;
    }
}
