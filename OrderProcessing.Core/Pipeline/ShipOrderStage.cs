using System.Globalization;
using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Shipping;

namespace OrderProcessing.Core.Pipeline;

/// <summary>Stage for <see cref="OrderStatus.Paid"/>: moves reserved stock to shipped, creates the shipment and records its tracking number.</summary>
public sealed class ShipOrderStage(IOrderRepository orders, IInventory inventory, IShippingCarrier carrier, TimeProvider clock) : IOrderStage
{
    /// <inheritdoc />
    public async Task<StageOutcome> HandleAsync(string orderId, CancellationToken cancellationToken = default)
    {
        var order = await orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (order is null)
        {
            return StageOutcome.Skipped(orderId, "order no longer exists");
        }

        if (order.Status != OrderStatus.Paid)
        {
            return await SettleAsync(order, cancellationToken).ConfigureAwait(false);
        }

        foreach (var line in order.Lines)
        {
            await inventory.ShipAsync(orderId, line.ProductId, cancellationToken).ConfigureAwait(false);
        }

        var tracking = await carrier.CreateShipmentAsync(order, cancellationToken).ConfigureAwait(false);
        order.MarkShipped(tracking, clock.GetUtcNow());
        try
        {
            await orders.UpdateAsync(order, cancellationToken).ConfigureAwait(false);
            return StageOutcome.Moved(orderId, OrderStatus.Shipped, $"tracking {tracking}");
        }
        catch (ConcurrencyConflictException)
        {
            var current = await orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
            return current is null ? StageOutcome.Skipped(orderId, "order deleted meanwhile") : await SettleAsync(current, cancellationToken).ConfigureAwait(false);
        }
    }

    // Cancelled while we shipped its stock: put the units back so a cancelled order holds nothing.
    private async Task<StageOutcome> SettleAsync(Order order, CancellationToken cancellationToken)
    {
        if (order.Status == OrderStatus.Cancelled)
        {
            var released = await StockActions.ReleaseAllAsync(inventory, order, cancellationToken).ConfigureAwait(false);
            return StageOutcome.Skipped(order.OrderId, string.Create(CultureInfo.InvariantCulture, $"order is CANCELLED; released {released} line(s)"));
        }

        return StageOutcome.Skipped(order.OrderId, $"order is already {order.Status.ToWire()}");
    }
}
