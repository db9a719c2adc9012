using System.Globalization;
using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Core.Pipeline;

/// <summary>Stage for <see cref="OrderStatus.Pending"/>: reserves every line, or none, and moves the order to reserved or out of stock.</summary>
public sealed class ReserveInventoryStage(IOrderRepository orders, IInventory inventory, TimeProvider clock) : OrderStage(orders, Handles)
{
    /// <summary>The status this stage handles; the topology routes orders entering it here.</summary>
    public static OrderStatus Handles => OrderStatus.Pending;

    /// <inheritdoc />
    protected override async Task<string> ActAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        foreach (var line in order.Lines)
        {
            var outcome = await inventory.ReserveAsync(order.OrderId, line.ProductId, line.Quantity, cancellationToken).ConfigureAwait(false);
            var failure = outcome switch
            {
                ReservationOutcome.Reserved or ReservationOutcome.AlreadyReserved => null,
                ReservationOutcome.InsufficientStock => string.Create(CultureInfo.InvariantCulture, $"not enough stock of '{line.ProductId}' for {line.Quantity}"),
                ReservationOutcome.UnknownProduct => $"product '{line.ProductId}' no longer exists",
                _ => $"reservation of '{line.ProductId}' was already released",
            };
            if (failure is not null)
            {
                order.MarkOutOfStock(failure, clock.GetUtcNow());
                return failure;
            }
        }

        order.MarkReserved(clock.GetUtcNow());
        return "every line reserved";
    }

    /// <inheritdoc />
    /// <remarks>
    /// All or nothing: give back whatever the order holds, but only now that OUT_OF_STOCK is stored. A delivery that read
    /// PENDING long ago may fail only because the order has since moved on (a line already shipped); releasing before the
    /// conditional write would hand that order's shipped stock back (oversell). A crash between the write and the release
    /// is settled by the redelivery, which finds the order OUT_OF_STOCK.
    /// </remarks>
    protected override async Task AfterWriteAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Status == OrderStatus.OutOfStock)
        {
            await StockActions.ReleaseAllAsync(inventory, order, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <remarks>A duplicate delivery won, or the order was cancelled: if it gave its stock up, nothing this stage reserved is left behind.</remarks>
    protected override async Task<StageOutcome> SettleAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (StockActions.HasGivenUpStock(order.Status))
        {
            var released = await StockActions.ReleaseAllAsync(inventory, order, cancellationToken).ConfigureAwait(false);
            return StageOutcome.Skipped(order.OrderId, string.Create(CultureInfo.InvariantCulture, $"order is {order.Status.ToWire()}; released {released} leftover reservation(s)"));
        }

        return await base.SettleAsync(order, cancellationToken).ConfigureAwait(false);
    }
}
