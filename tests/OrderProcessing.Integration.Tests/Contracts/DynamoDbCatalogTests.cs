using OrderProcessing.Core.Catalog;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Integration.Tests.Servers;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Integration.Tests.Contracts;

/// <summary>The catalog and inventory contract on the DynamoDB adapter against dynalite (no transactions: one conditional write per change).</summary>
[TestFixture]
public sealed class DynamoDbCatalogTests : CatalogInventoryContract
{
    private readonly SandboxTracker _sandboxes = new();

    /// <inheritdoc />
    protected override async Task<(ICatalog Catalog, IInventory Inventory)> CreateAsync()
    {
        var storage = await _sandboxes.CreateAsync();
        var table = storage.Names.Table(StorageSchema.Products);
        return (new DynamoDbCatalog(storage.DynamoDb, table, TimeProvider.System), new DynamoDbInventory(storage.DynamoDb, table, TimeProvider.System));
    }

    [TearDown]
    public void EveryRequestFollowsTheDeclaredAccessPatterns() => _sandboxes.AssertAccessPatterns();

    [OneTimeTearDown]
    public async Task DisposeSandboxes() => await _sandboxes.DisposeAsync();
}
