using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.InMemory;

namespace OrderProcessing.Integration.Tests.Contracts;

/// <summary>The catalog and inventory contract on Core's in-memory store.</summary>
[TestFixture]
public sealed class InMemoryCatalogTests : CatalogInventoryContract
{
    /// <inheritdoc />
    protected override Task<(ICatalog Catalog, IInventory Inventory)> CreateAsync()
    {
        var store = new InMemoryCatalog();
        return Task.FromResult<(ICatalog, IInventory)>((store, store));
    }
}
