using System.Globalization;
using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Core.Pipeline;

/// <summary>Stage for <see cref="OrderStatus.Pending"/>: reserves every line, or none, and moves the order to reserved or out of stock.</summary>
public sealed class ReserveInventoryStage(IOrderRepository orders, IInventory inventory, TimeProvider clock) : IOrderStage
{
    /// <inheritdoc />
    public async Task<StageOutcome> HandleAsync(string orderId, CancellationToken cancellationToken = default)
    {
        var order = await orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (order is null)
        {
            return StageOutcome.Skipped(orderId, "order no longer exists");
        }

        if (order.Status != OrderStatus.Pending)
        {
            return await SettleAsync(order, cancellationToken).ConfigureAwait(false);
        }

        string? failure = null;
        foreach (var line in order.Lines)
        {
            var outcome = await inventory.ReserveAsync(orderId, line.ProductId, line.Quantity, cancellationToken).ConfigureAwait(false);
            failure = outcome switch
            {
                ReservationOutcome.Reserved or ReservationOutcome.AlreadyReserved => null,
                ReservationOutcome.InsufficientStock => string.Create(CultureInfo.InvariantCulture, $"not enough stock of '{line.ProductId}' for {line.Quantity}"),
                ReservationOutcome.UnknownProduct => $"product '{line.ProductId}' no longer exists",
                _ => $"reservation of '{line.ProductId}' was already released",
            };
            if (failure is not null)
            {
                break;
            }
        }

        if (failure is not null)
        {
            order.MarkOutOfStock(failure, clock.GetUtcNow());
        }
        else
        {
            order.MarkReserved(clock.GetUtcNow());
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

        if (failure is not null)
        {
            // All or nothing: give back whatever the order holds, but only now that OUT_OF_STOCK is stored. A delivery
            // that read PENDING long ago may fail only because the order has since moved on (a line already shipped);
            // releasing before the conditional write would hand that order's shipped stock back (oversell). A crash
            // between the write and the release is settled by the redelivery, which finds the order OUT_OF_STOCK.
            await StockActions.ReleaseAllAsync(inventory, order, cancellationToken).ConfigureAwait(false);
        }

        return StageOutcome.Moved(orderId, order.Status, failure ?? "every line reserved");
    }

    // The order has moved on without us (a duplicate delivery won, or it was cancelled): if it gave its stock up,
    // make sure nothing this stage reserved is left behind.
    private async Task<StageOutcome> SettleAsync(Order order, CancellationToken cancellationToken)
    {
        if (StockActions.HasGivenUpStock(order.Status))
        {
            var released = await StockActions.ReleaseAllAsync(inventory, order, cancellationToken).ConfigureAwait(false);
            return StageOutcome.Skipped(order.OrderId, string.Create(CultureInfo.InvariantCulture, $"order is {order.Status.ToWire()}; released {released} leftover reservation(s)"));
        }

        return StageOutcome.Skipped(order.OrderId, $"order is already {order.Status.ToWire()}");
    }
}
