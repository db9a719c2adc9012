using Amazon.DynamoDBv2.Model;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Integration.Tests.Servers;
using OrderProcessing.Integration.Tests.Support;
using OrderProcessing.Testing.Orders;
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
    public async Task EveryTransitionWrite_CarriesTheTransitionMarkerOfTheStatusEntered()
    {
        var (storage, repository) = await CreateAsync();
        var order = StorageOrders.New().Build();

        await repository.AddAsync(order);
        var afterInsert = await StoredItemAsync(storage, order.OrderId);
        order.MarkReserved(order.CreatedAt.AddMinutes(1));
        await repository.UpdateAsync(order);
        var afterTransition = await StoredItemAsync(storage, order.OrderId);

        Assert.That(afterInsert[OrderItemAttributes.EnteredStatus].S, Is.EqualTo("PENDING"));
        Assert.That(afterTransition[OrderItemAttributes.EnteredStatus].S, Is.EqualTo("RESERVED"));
    }

    [Test]
    public async Task SameStatusWrite_RemovesTheTransitionMarker_AndTheNextTransitionWritesItAgain()
    {
        var (storage, repository) = await CreateAsync();
        var order = StorageOrders.New().Build();
        await repository.AddAsync(order);
        order.MarkReserved(order.CreatedAt.AddMinutes(1));
        await repository.UpdateAsync(order);

        var rewritten = SameStatusWrite.Of(order);
        await repository.UpdateAsync(rewritten);
        var afterRewrite = await StoredItemAsync(storage, order.OrderId);
        rewritten.MarkPaid("pay_1", rewritten.UpdatedAt.AddMinutes(1));
        await repository.UpdateAsync(rewritten);
        var afterNextTransition = await StoredItemAsync(storage, order.OrderId);

        Assert.That(afterRewrite.ContainsKey(OrderItemAttributes.EnteredStatus), Is.False, "a same-status write must not be forwarded to a stage");
        Assert.That((afterRewrite[OrderItemAttributes.Status].S, afterRewrite[OrderItemAttributes.Version].N), Is.EqualTo(("RESERVED", "3")));
        Assert.That(afterNextTransition[OrderItemAttributes.EnteredStatus].S, Is.EqualTo("PAID"));
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
        Assert.That(item.ContainsKey(OrderItemAttributes.EnteredStatus), Is.False, "the tombstone removes the transition marker");
        Assert.That(item[OrderItemAttributes.Deleted].BOOL, Is.True);
        Assert.That(item[StorageSchema.Orders.TimeToLiveAttribute!].N, Is.EqualTo((expiry.ToUnixTimeSeconds() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), "rounded up: never expires early");
    }

    private static async Task<Dictionary<string, AttributeValue>> StoredItemAsync(StorageSandbox storage, string orderId) =>
        (await storage.DynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = storage.Names.Table(StorageSchema.Orders),
            Key = new() { [OrderItemAttributes.OrderId] = new AttributeValue { S = orderId } },
            ConsistentRead = true,
        })).Item;

    private async Task<(StorageSandbox Storage, DynamoDbOrderRepository Repository)> CreateAsync()
    {
        var storage = await _sandboxes.CreateAsync();
        return (storage, new DynamoDbOrderRepository(storage.DynamoDb, storage.Names.Table(StorageSchema.Orders)));
    }

    [TearDown]
    public void EveryRequestFollowsTheDeclaredAccessPatterns() => _sandboxes.AssertAccessPatterns();

    [OneTimeTearDown]
    public async Task DisposeSandboxes() => await _sandboxes.DisposeAsync();
}
