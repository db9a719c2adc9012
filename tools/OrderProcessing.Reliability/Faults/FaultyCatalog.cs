using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Pricing;

namespace OrderProcessing.Reliability.Faults;

/// <summary>Injects faults around every call of an <see cref="ICatalog"/>.</summary>
internal sealed class FaultyCatalog(ICatalog inner, PortFaults faults) : ICatalog
{
    public Task<Product?> GetAsync(string productId, CancellationToken cancellationToken = default) =>
        faults.ReadAsync("catalog.get", productId, "", () => inner.GetAsync(productId, cancellationToken));

    public Task<IReadOnlyDictionary<string, Product>> GetManyAsync(IReadOnlyCollection<string> productIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        return faults.ReadAsync("catalog.getMany", string.Join(",", productIds), "", () => inner.GetManyAsync(productIds, cancellationToken));
    }

    public Task<Page<Product>> ListAsync(int limit, string? cursor, CancellationToken cancellationToken = default) =>
        faults.ReadAsync("catalog.list", "products", cursor ?? "", () => inner.ListAsync(limit, cursor, cancellationToken));

    public Task<bool> UpsertAsync(string productId, string name, Money unitPrice, int available, CancellationToken cancellationToken = default) =>
        faults.WriteAsync("catalog.upsert", productId, "", () => inner.UpsertAsync(productId, name, unitPrice, available, cancellationToken));
}
