using Amazon.DynamoDBv2.Model;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Integration.Tests.Servers;
using OrderProcessing.Integration.Tests.Support;
using OrderProcessing.Topology.Storage;

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
        return new DynamoDbOrderRepository(storage.DynamoDb, storage.Names.Table(StorageSchema.Orders));
    }

    [Test]
    public async Task Delete_LeavesATombstoneWithNoStatusEventOrIndexKey_ExpiringByTheTableTimeToLive()
    {
        var storage = await _sandboxes.CreateAsync();
        var repository = new DynamoDbOrderRepository(storage.DynamoDb, storage.Names.Table(StorageSchema.Orders));
        var order = StorageOrders.New().InStatus(OrderStatus.Completed).Build();
        await repository.AddAsync(order);
        var expiry = new DateTimeOffset(2026, 3, 2, 13, 0, 0, 500, TimeSpan.Zero);

        await repository.DeleteAsync(order.OrderId, order.Version, expiry);

        var item = (await storage.DynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = storage.Names.Table(StorageSchema.Orders),
            Key = new() { [OrderItemAttributes.OrderId] = new AttributeValue { S = order.OrderId } },
            ConsistentRead = true,
        })).Item;
        Assert.That(item.Keys, Is.EquivalentTo(new[] { OrderItemAttributes.OrderId, OrderItemAttributes.Deleted, StorageSchema.Orders.TimeToLiveAttribute }));
        Assert.That(item[OrderItemAttributes.Deleted].BOOL, Is.True);
        Assert.That(item[StorageSchema.Orders.TimeToLiveAttribute!].N, Is.EqualTo((expiry.ToUnixTimeSeconds() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), "rounded up: never expires early");
    }

    [TearDown]
    public void EveryRequestFollowsTheDeclaredAccessPatterns() => _sandboxes.AssertAccessPatterns();

    [OneTimeTearDown]
    public async Task DisposeSandboxes() => await _sandboxes.DisposeAsync();
}
