using OrderProcessing.Core.Common;
using OrderProcessing.Core.Invoices;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Core.Pipeline;

/// <summary>Stage for <see cref="OrderStatus.Shipped"/>: renders the invoice, stores it and completes the order.</summary>
public sealed class GenerateInvoiceStage(IOrderRepository orders, IInvoiceRenderer renderer, IInvoiceStore invoices, TimeProvider clock) : IOrderStage
{
    /// <inheritdoc />
    public async Task<StageOutcome> HandleAsync(string orderId, CancellationToken cancellationToken = default)
    {
        var order = await orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (order is null)
        {
            return StageOutcome.Skipped(orderId, "order no longer exists");
        }

        if (order.Status != OrderStatus.Shipped)
        {
            return StageOutcome.Skipped(orderId, $"order is already {order.Status.ToWire()}");
        }

        // Same order, same document: storing it again after a crash overwrites identical bytes.
        var pdf = renderer.Render(Invoice.For(order));
        var key = await invoices.PutAsync(orderId, pdf, cancellationToken).ConfigureAwait(false);
        order.MarkCompleted(key, clock.GetUtcNow());
        try
        {
            await orders.UpdateAsync(order, cancellationToken).ConfigureAwait(false);
            return StageOutcome.Moved(orderId, OrderStatus.Completed, $"invoice stored at {key}");
        }
        catch (ConcurrencyConflictException)
        {
            return StageOutcome.Skipped(orderId, "order changed meanwhile");
        }
    }
}
