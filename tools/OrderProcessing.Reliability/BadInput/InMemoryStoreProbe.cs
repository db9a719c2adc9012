using System.Text;
using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.InMemory;
using OrderProcessing.Reliability.Faults;

namespace OrderProcessing.Reliability.BadInput;

/// <summary>
/// Watches in-memory stores: the write counter of the decorators in front of them, plus a snapshot of the orders count
/// and every product's name, price and stock (the stores a rejected request could touch besides the counted writes).
/// </summary>
internal sealed class InMemoryStoreProbe(PortFaults counter, InMemoryOrderRepository orders, ICatalog catalog) : IStoreProbe
{
    public long Writes => counter.Writes;

    public async Task<string> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder().Append("orders=").Append(orders.Count);
        string? cursor = null;
        do
        {
            var page = await catalog.ListAsync(100, cursor, cancellationToken).ConfigureAwait(false);
            foreach (var p in page.Items)
            {
                text.Append('|').Append(p.ProductId).Append(':').Append(p.Name).Append(':').Append(p.UnitPrice).Append(':').Append(p.Stock);
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return text.ToString();
    }
}
