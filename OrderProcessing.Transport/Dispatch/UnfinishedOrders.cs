using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;
using OrderProcessing.Topology;
using OrderProcessing.Transport.ChangeFeed;

namespace OrderProcessing.Transport.Dispatch;

/// <summary>
/// Finds, in persistent storage, the orders a stage still has to act on and queues them again. The local stage queues
/// live in memory, so what was queued when the host last stopped would otherwise wait forever; in AWS the SQS queues keep
/// it. Each status that triggers a stage is read page by page through its index; stages act on the stored order, so a
/// redelivery of work already done is harmless.
/// </summary>
public static class UnfinishedOrders
{
    /// <summary>Queues every order at a status some stage consumes; returns how many per status.</summary>
    public static async Task<IReadOnlyDictionary<OrderStatus, int>> RequeueAsync(IOrderRepository orders, StageDispatcher dispatcher, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(clock);
        var counts = new Dictionary<OrderStatus, int>();
        // Only stages: an e-mail already sent is in the ledger, and one not yet sent for a finished order is not worth a second look.
        foreach (var status in dispatcher.Queues.Where(q => q.Stage.Trigger.Kind == TriggerKind.StageQueue).Select(q => q.Stage.Trigger.Status!.Value))
        {
            string? cursor = null;
            do
            {
                var page = await orders.ListAsync(new OrderQuery(status, null, PageLimits.Max, cursor), cancellationToken).ConfigureAwait(false);
                foreach (var order in page.Items)
                {
                    dispatcher.OnChange(new OrderChange(OrderChangeKind.Modify, order.OrderId, null, order.ToSnapshot(), 0, clock.GetUtcNow()));
                    counts[status] = counts.GetValueOrDefault(status) + 1;
                }

                cursor = page.NextCursor;
            }
            while (cursor is not null);
        }

        return counts;
    }
}
