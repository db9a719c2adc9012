using System.Globalization;
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
            order.MarkPaymentFailed(result.Reason, clock.GetUtcNow());
        }

        try
        {
            await orders.UpdateAsync(order, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            var current = await orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
            return current is null ? StageOutcome.Skipped(orderId, "order deleted meanwhile") : await SettleAsync(current, cancellationToken).ConfigureAwait(false);
        }

        if (!result.Approved)
        {
            // Stock goes back only once PAYMENT_FAILED is stored, never on the strength of a stale read; a crash before
            // this line is settled by the redelivery, which finds the order PAYMENT_FAILED.
            await StockActions.ReleaseAllAsync(inventory, order, cancellationToken).ConfigureAwait(false);
        }

        return StageOutcome.Moved(orderId, order.Status, result.Reason);
    }

    // The order moved on without us. If it gave its stock up, make sure it holds none. If it was cancelled, or an
    // operator failed it while it was RESERVED, a capture this stage made must be given back too: the compensate stage
    // may have run before the capture existed, and no stage runs for PAYMENT_FAILED.
    private async Task<StageOutcome> SettleAsync(Order order, CancellationToken cancellationToken)
    {
        var released = StockActions.HasGivenUpStock(order.Status)
            ? await StockActions.ReleaseAllAsync(inventory, order, cancellationToken).ConfigureAwait(false)
            : 0;
        if (order.Status is OrderStatus.Cancelled or OrderStatus.PaymentFailed)
        {
            var refund = await gateway.RefundAsync(order.OrderId, cancellationToken).ConfigureAwait(false);
            return StageOutcome.Skipped(order.OrderId, string.Create(CultureInfo.InvariantCulture, $"order is {order.Status.ToWire()}; released {released} line(s); refund: {refund}"));
        }

        return StageOutcome.Skipped(order.OrderId, string.Create(CultureInfo.InvariantCulture, $"order is already {order.Status.ToWire()}; released {released} line(s)"));
    }
}
