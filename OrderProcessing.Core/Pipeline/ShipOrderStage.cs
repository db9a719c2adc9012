using System.Globalization;
using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Shipping;

namespace OrderProcessing.Core.Pipeline;

/// <summary>Stage for <see cref="OrderStatus.Paid"/>: moves reserved stock to shipped, creates the shipment and records its tracking number.</summary>
public sealed class ShipOrderStage(IOrderRepository orders, IInventory inventory, IShippingCarrier carrier, TimeProvider clock) : OrderStage(orders, Handles)
{
    /// <summary>The status this stage handles; the topology routes orders entering it here.</summary>
    public static OrderStatus Handles => OrderStatus.Paid;

    /// <inheritdoc />
    protected override async Task<string> ActAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        foreach (var line in order.Lines)
        {
            await inventory.ShipAsync(order.OrderId, line.ProductId, cancellationToken).ConfigureAwait(false);
        }

        var tracking = await carrier.CreateShipmentAsync(order, cancellationToken).ConfigureAwait(false);
        order.MarkShipped(tracking, clock.GetUtcNow());
        return $"tracking {tracking}";
    }

    /// <inheritdoc />
    /// <remarks>Cancelled while we shipped its stock: put the units back so a cancelled order holds nothing.</remarks>
    protected override async Task<StageOutcome> SettleAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Status == OrderStatus.Cancelled)
        {
            var released = await StockActions.ReleaseAllAsync(inventory, order, cancellationToken).ConfigureAwait(false);
            return StageOutcome.Skipped(order.OrderId, string.Create(CultureInfo.InvariantCulture, $"order is CANCELLED; released {released} line(s)"));
        }

        return await base.SettleAsync(order, cancellationToken).ConfigureAwait(false);
    }
}
