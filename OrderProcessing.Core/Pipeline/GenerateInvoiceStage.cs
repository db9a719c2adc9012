using OrderProcessing.Core.Invoices;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Core.Pipeline;

/// <summary>Stage for <see cref="OrderStatus.Shipped"/>: renders the invoice, stores it and completes the order.</summary>
public sealed class GenerateInvoiceStage(IOrderRepository orders, IInvoiceRenderer renderer, IInvoiceStore invoices, TimeProvider clock) : OrderStage(orders, Handles)
{
    /// <summary>The status this stage handles; the topology routes orders entering it here.</summary>
    public static OrderStatus Handles => OrderStatus.Shipped;

    /// <inheritdoc />
    protected override async Task<string> ActAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);

        // Same order, same document: storing it again after a crash overwrites identical bytes.
        var pdf = renderer.Render(Invoice.For(order));
        var key = await invoices.PutAsync(order.OrderId, pdf, cancellationToken).ConfigureAwait(false);
        order.MarkCompleted(key, clock.GetUtcNow());
        return $"invoice stored at {key}";
    }
}
