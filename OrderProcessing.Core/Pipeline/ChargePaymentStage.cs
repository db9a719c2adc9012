using System.Globalization;
using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;

namespace OrderProcessing.Core.Pipeline;

/// <summary>Stage for <see cref="OrderStatus.Reserved"/>: captures payment (once per order), or releases stock and fails the order.</summary>
public sealed class ChargePaymentStage(IOrderRepository orders, IInventory inventory, IPaymentGateway gateway, TimeProvider clock) : OrderStage(orders, Handles)
{
    /// <summary>The status this stage handles; the topology routes orders entering it here.</summary>
    public static OrderStatus Handles => OrderStatus.Reserved;

    /// <inheritdoc />
    protected override async Task<string> ActAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);

        // Idempotent per order: a redelivery gets the first outcome back. Transient failures propagate for a retry.
        var result = await gateway.ChargeAsync(order.OrderId, order.PaymentToken, order.Total, cancellationToken).ConfigureAwait(false);
        if (result.Approved)
        {
            order.MarkPaid(result.PaymentId, clock.GetUtcNow());
        }
        else
        {
            order.MarkPaymentFailed(result.Reason, clock.GetUtcNow());
        }

        return result.Reason;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Stock goes back only once PAYMENT_FAILED is stored, never on the strength of a stale read; a crash before this
    /// step is settled by the redelivery, which finds the order PAYMENT_FAILED.
    /// </remarks>
    protected override async Task AfterWriteAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Status == OrderStatus.PaymentFailed)
        {
            await StockActions.ReleaseAllAsync(inventory, order, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// If the order gave its stock up, make sure it holds none. If it was cancelled, or an operator failed it while it
    /// was RESERVED, a capture this stage made must be given back too: the compensate stage may have run before the
    /// capture existed, and no stage runs for PAYMENT_FAILED.
    /// </remarks>
    protected override async Task<StageOutcome> SettleAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
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
