using System.Globalization;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Pricing;

namespace OrderProcessing.Core.Catalog;

/// <summary>Catalog administration and reads: validates product input and stores it.</summary>
public sealed class CatalogService(ICatalog catalog)
{
    /// <summary>Largest settable available stock.</summary>
    public const int MaxStock = 1_000_000_000;

    /// <summary>Largest unit price.</summary>
    public const decimal MaxUnitPrice = 1_000_000m;

    /// <summary>Creates or updates a product. Returns the stored product and whether it was created.</summary>
    public async Task<(Product Product, bool Created)> PutAsync(string productId, ProductRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        TextRules.CheckIdentifier(errors, "productId", productId);
        TextRules.CheckRequired(errors, "name", request.Name);
        if (!Currency.TryFrom(request.Currency, out var currency))
        {
            errors.Add("currency", request.Currency is null ? "is required" : $"must be a supported ISO 4217 code ({string.Join(", ", Currency.SupportedCodes)})");
        }

        if (request.UnitPrice is not { } price)
        {
            errors.Add("unitPrice", "is required");
        }
        else if (price <= 0 || price > MaxUnitPrice)
        {
            errors.Add("unitPrice", string.Create(CultureInfo.InvariantCulture, $"must be greater than 0 and at most {MaxUnitPrice}"));
        }
        else if (currency.Code is not null && !currency.IsWholeMinorUnits(price))
        {
            errors.Add("unitPrice", string.Create(CultureInfo.InvariantCulture, $"must have at most {currency.MinorUnits} decimal places for {currency.Code}"));
        }

        if (request.Stock is not { } stock)
        {
            errors.Add("stock", "is required");
        }
        else if (stock < 0 || stock > MaxStock)
        {
            errors.Add("stock", string.Create(CultureInfo.InvariantCulture, $"must be between 0 and {MaxStock}"));
        }

        errors.ThrowIfAny();
        var created = await catalog.UpsertAsync(productId, request.Name!, new Money(request.UnitPrice!.Value, currency), request.Stock!.Value, cancellationToken).ConfigureAwait(false);
        var product = await catalog.GetAsync(productId, cancellationToken).ConfigureAwait(false) ?? throw new ProductNotFoundException(productId);
        return (product, created);
    }

    /// <summary>The product, or <see cref="ProductNotFoundException"/>.</summary>
    public async Task<Product> GetAsync(string productId, CancellationToken cancellationToken = default) =>
        await catalog.GetAsync(productId, cancellationToken).ConfigureAwait(false) ?? throw new ProductNotFoundException(productId);

    /// <summary>A page of products by id.</summary>
    public Task<Page<Product>> ListAsync(int? limit, string? cursor, CancellationToken cancellationToken = default) =>
        catalog.ListAsync(PageLimits.Resolve(limit), cursor, cancellationToken);
}
