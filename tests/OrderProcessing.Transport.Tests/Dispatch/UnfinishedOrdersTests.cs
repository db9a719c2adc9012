using Microsoft.Extensions.Logging.Abstractions;
using OrderProcessing.Core.InMemory;
using OrderProcessing.Core.Orders;
using OrderProcessing.Testing.Transport;
using OrderProcessing.Testing.Waiting;
using OrderProcessing.Topology;
using OrderProcessing.Transport.Delivery;
using OrderProcessing.Transport.Dispatch;
using OrderProcessing.Transport.Events;
using OrderProcessing.Transport.Queues;

namespace OrderProcessing.Transport.Tests.Dispatch;

/// <summary>At start over persistent storage, orders waiting for a stage are queued again: the local queues did not survive the stop.</summary>
public sealed class UnfinishedOrdersTests
{
    [Test]
    public async Task Requeue_OrderAtAStatusSomeStageConsumes_IsQueuedForThatStageAndNoOther()
    {
        var store = new InMemoryOrderRepository();
        var statuses = new[] { OrderStatus.Pending, OrderStatus.Reserved, OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Cancelled, OrderStatus.Completed, OrderStatus.PaymentFailed, OrderStatus.OutOfStock };
        for (var i = 0; i < statuses.Length; i++)
        {
            await store.AddAsync(Orders.At(statuses[i], $"o-{i}"));
        }

        for (var i = 0; i < 150; i++)
        {
            await store.AddAsync(Orders.At(OrderStatus.Paid, $"o-paid-{i}"));
        }

        using var dispatcher = new StageDispatcher(SystemTopology.Stages, s => new FakeStageHandler(s.Name), new DispatcherOptions(), TimeProvider.System, NullLogger<StageDispatcher>.Instance);

        var counts = await UnfinishedOrders.RequeueAsync(store, dispatcher, TimeProvider.System, CancellationToken.None);

        Assert.That(counts, Is.EquivalentTo(new Dictionary<OrderStatus, int>
        {
            [OrderStatus.Pending] = 1,
            [OrderStatus.Reserved] = 1,
            [OrderStatus.Paid] = 151,
            [OrderStatus.Shipped] = 1,
            [OrderStatus.Cancelled] = 1,
        }));
        Assert.That(dispatcher.Queues.Select(q => (q.Name, q.Counts.Visible)), Is.EqualTo(new[]
        {
            ("reserve-inventory", 1), ("charge-payment", 1), ("ship-order", 151), ("generate-invoice", 1), ("compensate", 1),
        }));
    }
}
