using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;

namespace OrderProcessing.Core.Pipeline;

/// <summary>Stage for <see cref="OrderStatus.Reserved"/>: captures payment (once per order), or releases stock and fails the order.</summary>
public sealed class ChargePaymentStage(IOrderRepository orders, IInventory inventory, IPaymentGateway gateway, TimeProvider clock) : IOrderStage
{
    /// <inheritdoc />
    public async Task<StageOutcome> HandleAsync(string orderId, CancellationToken cancellationToken = default)
    {
        var order = await orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (order is null)
        {
            return StageOutcome.Skipped(orderId, "order no longer exists");
        }

        if (order.Status != OrderStatus.Reserved)
        {
            return await SettleAsync(order, cancellationToken).ConfigureAwait(false);
        }

        // Idempotent per order: a redelivery gets the first outcome back. Transient failures propagate for a retry.
        var result = await gateway.ChargeAsync(orderId, order.PaymentToken, order.Total, cancellationToken).ConfigureAwait(false);
        if (result.Approved)
        {
            order.MarkPaid(result.PaymentId, clock.GetUtcNow());
        }
        else
        {
            await StockActions.ReleaseAllAsync(inventory, order, cancellationToken).ConfigureAwait(false);
            order.MarkPaymentFailed(result.Reason, clock.GetUtcNow());
        }

        try
        {
            await orders.UpdateAsync(order, cancellationToken).ConfigureAwait(false);
            return StageOutcome.Moved(orderId, order.Status, result.Reason);
        }
        catch (ConcurrencyConflictException)
        {
            var current = await orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
            return current is null ? StageOutcome.Skipped(orderId, "order deleted meanwhile") : await SettleAsync(current, cancellationToken).ConfigureAwait(false);
        }
    }

    // The order moved on without us. If it was cancelled, a capture this stage made must be given back (the
    // compensate stage may have run before the capture existed). If an operator failed it while it was RESERVED, no
    // other stage runs for PAYMENT_FAILED: this delivery releases its stock and gives back any capture.
    private async Task<StageOutcome> SettleAsync(Order order, CancellationToken cancellationToken)
    {
        if (order.Status is OrderStatus.Cancelled or OrderStatus.PaymentFailed)
        {
            var released = order.Status == OrderStatus.PaymentFailed
                ? await StockActions.ReleaseAllAsync(inventory, order, cancellationToken).ConfigureAwait(false)
                : 0;
            var refund = await gateway.RefundAsync(order.OrderId, cancellationToken).ConfigureAwait(false);
            return StageOutcome.Skipped(order.OrderId, $"order is {order.Status.ToWire()}; released {released} line(s); refund: {refund}");
        }

        return StageOutcome.Skipped(order.OrderId, $"order is already {order.Status.ToWire()}");
    }
}
