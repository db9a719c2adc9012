using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Core.Pipeline;

/// <summary>Stock steps shared by the stages: releasing every line of an order, each release idempotent.</summary>
internal static class StockActions
{
    public static async Task<int> ReleaseAllAsync(IInventory inventory, Order order, CancellationToken cancellationToken)
    {
        var released = 0;
        foreach (var line in order.Lines)
        {
            if (await inventory.ReleaseAsync(order.OrderId, line.ProductId, cancellationToken).ConfigureAwait(false))
            {
                released++;
            }
        }

        return released;
    }

    public static bool HasGivenUpStock(OrderStatus status) =>
        status is OrderStatus.OutOfStock or OrderStatus.PaymentFailed or OrderStatus.Cancelled;
}
