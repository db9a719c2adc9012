using System.Globalization;
using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;

namespace OrderProcessing.Core.Pipeline;

/// <summary>Stage for <see cref="OrderStatus.Cancelled"/>: releases the order's stock and refunds a captured payment, each at most once.</summary>
public sealed class CompensateStage(IOrderRepository orders, IInventory inventory, IPaymentGateway gateway) : IOrderStage
{
    /// <inheritdoc />
    public async Task<StageOutcome> HandleAsync(string orderId, CancellationToken cancellationToken = default)
    {
        var order = await orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (order is null)
        {
            // Only a CANCELLED write routes here and a cancelled order never completes, so a capture must go back even
            // if the order is gone. (Its stock cannot be found without its lines: deletion waits for the settling period.)
            var lateRefund = await gateway.RefundAsync(orderId, cancellationToken).ConfigureAwait(false);
            return StageOutcome.Skipped(orderId, $"order no longer exists; refund: {lateRefund}");
        }

        if (order.Status != OrderStatus.Cancelled)
        {
            return StageOutcome.Skipped(orderId, $"order is {order.Status.ToWire()}, not CANCELLED");
        }

        var released = await StockActions.ReleaseAllAsync(inventory, order, cancellationToken).ConfigureAwait(false);
        var refund = await gateway.RefundAsync(orderId, cancellationToken).ConfigureAwait(false);
        return StageOutcome.Skipped(orderId, string.Create(CultureInfo.InvariantCulture, $"released {released} line(s); refund: {refund}"));
    }
}
