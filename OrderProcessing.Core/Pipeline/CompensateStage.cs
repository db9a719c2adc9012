using System.Globalization;
using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;

namespace OrderProcessing.Core.Pipeline;

/// <summary>Stage for <see cref="OrderStatus.Cancelled"/>: releases the order's stock and refunds a captured payment, each at most once.</summary>
public sealed class CompensateStage(IOrderRepository orders, IInventory inventory, IPaymentGateway gateway) : OrderStage(orders, Handles)
{
    /// <summary>The status this stage handles; the topology routes orders entering it here.</summary>
    public static OrderStatus Handles => OrderStatus.Cancelled;

    /// <inheritdoc />
    /// <remarks>Compensation writes no transition: a cancelled order stays cancelled.</remarks>
    protected override async Task<string> ActAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var released = await StockActions.ReleaseAllAsync(inventory, order, cancellationToken).ConfigureAwait(false);
        var refund = await gateway.RefundAsync(order.OrderId, cancellationToken).ConfigureAwait(false);
        return string.Create(CultureInfo.InvariantCulture, $"released {released} line(s); refund: {refund}");
    }

    /// <inheritdoc />
    /// <remarks>
    /// Only a CANCELLED write routes here and a cancelled order never completes, so a capture must go back even if the
    /// order is gone. (Its stock cannot be found without its lines: deletion waits for the settling period.)
    /// </remarks>
    protected override async Task<StageOutcome> OnMissingAsync(string orderId, CancellationToken cancellationToken)
    {
        var refund = await gateway.RefundAsync(orderId, cancellationToken).ConfigureAwait(false);
        return StageOutcome.Skipped(orderId, $"order no longer exists; refund: {refund}");
    }

    /// <inheritdoc />
    protected override Task<StageOutcome> SettleAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Task.FromResult(StageOutcome.Skipped(order.OrderId, $"order is {order.Status.ToWire()}, not CANCELLED"));
    }
}
