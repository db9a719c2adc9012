using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Integration.Tests.Servers;

namespace OrderProcessing.Integration.Tests.Contracts;

/// <summary>The order repository contract on the DynamoDB adapter against dynalite; every request checked against the schema.</summary>
[TestFixture]
public sealed class DynamoDbOrderRepositoryTests : OrderRepositoryContract
{
    private readonly SandboxTracker _sandboxes = new();

    /// <inheritdoc />
    protected override async Task<IOrderRepository> CreateRepositoryAsync()
    {
        var storage = await _sandboxes.CreateAsync();
        return new DynamoDbOrderRepository(storage.DynamoDb, storage.Names.OrdersTable);
    }

    [TearDown]
    public void EveryRequestFollowsTheDeclaredAccessPatterns() => _sandboxes.AssertAccessPatterns();

    [OneTimeTearDown]
    public async Task DisposeSandboxes() => await _sandboxes.DisposeAsync();
}
