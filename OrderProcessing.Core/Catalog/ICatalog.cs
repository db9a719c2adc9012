using OrderProcessing.Core.Common;

namespace OrderProcessing.Core.Catalog;

/// <summary>Storage port for catalog entries.</summary>
public interface ICatalog
{
    /// <summary>The product, or null.</summary>
    Task<Product?> GetAsync(string productId, CancellationToken cancellationToken = default);

    /// <summary>The products among <paramref name="productIds"/> that exist, by id.</summary>
    Task<IReadOnlyDictionary<string, Product>> GetManyAsync(IReadOnlyCollection<string> productIds, CancellationToken cancellationToken = default);

    /// <summary>A page of products ordered by id. Throws <see cref="ValidationException"/> for a bad cursor.</summary>
    Task<Page<Product>> ListAsync(int limit, string? cursor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates or updates a product's name and price and sets its available stock; reserved and shipped counts and
    /// reservations are kept. Returns true when the product was created.
    /// </summary>
    Task<bool> UpsertAsync(string productId, string name, Pricing.Money unitPrice, int available, CancellationToken cancellationToken = default);
}
