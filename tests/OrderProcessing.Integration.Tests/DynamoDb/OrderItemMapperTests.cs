using Amazon.DynamoDBv2.Model;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Integration.Tests.Servers;
using OrderProcessing.Integration.Tests.Support;
using OrderProcessing.Testing.Orders;
using OrderProcessing.Topology.Storage;
using A = OrderProcessing.Topology.Storage.OrderItemAttributes;

namespace OrderProcessing.Integration.Tests.DynamoDb;

/// <summary>The order item is readable attributes with the names the pipe filters on and its envelope reads, and maps back to the same order.</summary>
[TestFixture]
public sealed class OrderItemMapperTests
{
    [Test]
    public void Item_CarriesStatusAndLastEventUnderTheNamesThePipesUse()
    {
        var order = StorageOrders.New().WithId("ord-7").InStatus(OrderStatus.PaymentFailed).Build();

        var item = OrderItemMapper.ToItem(order.ToSnapshot());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(item[A.Status].S, Is.EqualTo("PAYMENT_FAILED"));
            Assert.That(item[A.LastEventType].S, Is.EqualTo(OrderEventTypes.Failed));
            Assert.That(item[A.Version].N, Is.EqualTo("3"));
            Assert.That(item[A.OrderId].S, Is.EqualTo("ord-7"));
            Assert.That(item[A.CustomerId].S, Is.EqualTo("cust-1"));
            var lastEvent = item[A.LastEvent].M;
            Assert.That(lastEvent[OrderEventAttributes.Type].S, Is.EqualTo(OrderEventTypes.Failed));
            Assert.That(lastEvent[OrderEventAttributes.OrderId].S, Is.EqualTo("ord-7"));
            Assert.That(lastEvent[OrderEventAttributes.Status].S, Is.EqualTo("PAYMENT_FAILED"));
            Assert.That(lastEvent[OrderEventAttributes.PreviousStatus].S, Is.EqualTo("RESERVED"));
            Assert.That(lastEvent[OrderEventAttributes.Version].N, Is.EqualTo("3"));
            Assert.That(lastEvent[OrderEventAttributes.Reason].S, Is.EqualTo("card declined"));
            Assert.That(lastEvent[OrderEventAttributes.At].S, Is.EqualTo("2026-01-15T09:32:00.1230000Z"));
        }
    }

    [Test]
    public void Item_OfANewOrder_HasNoPreviousStatusAndNoOptionalAttributes()
    {
        var item = OrderItemMapper.ToItem(StorageOrders.New().Build().ToSnapshot());

        Assert.That(item[A.LastEvent].M.ContainsKey(OrderEventAttributes.PreviousStatus), Is.False);
        Assert.That(item.Keys, Has.None.AnyOf(A.PaymentId, A.TrackingNumber, A.InvoiceKey));
    }

    [Test]
    public void Item_OfATransition_CarriesTheTransitionMarker_AndOfASameStatusWrite_None()
    {
        var order = StorageOrders.New().InStatus(OrderStatus.Shipped).Build();

        var transition = OrderItemMapper.ToItem(order.ToSnapshot());
        var rewrite = OrderItemMapper.ToItem(SameStatusWrite.Of(order).ToSnapshot());

        Assert.That(transition[A.EnteredStatus].S, Is.EqualTo("SHIPPED"));
        Assert.That(rewrite.ContainsKey(A.EnteredStatus), Is.False);
    }

    [Test]
    public void Item_HasEveryKeyAttributeOfTheOrdersSchema()
    {
        var item = OrderItemMapper.ToItem(StorageOrders.New().Build().ToSnapshot());

        foreach (var key in StorageSchema.Orders.KeyAttributes)
        {
            Assert.That(item[key.Name].S, Is.Not.Null.And.Not.Empty, key.Name);
        }
    }

    [Test]
    public void IndexKeys_SortByCreationTimeThenIdAndSpreadOverTheDeclaredShards()
    {
        var shards = StorageSchema.Orders.Index("byStatus").WriteShards;
        var items = Enumerable.Range(0, 400)
            .Select(i => OrderItemMapper.ToItem(StorageOrders.New().WithId($"o-{i}").PlacedAt(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMilliseconds(i * 37)).Build().ToSnapshot()))
            .ToList();

        Assert.That(items.Select(i => i[A.CreatedKey].S), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(items[0][A.CreatedKey].S, Is.EqualTo("2026-01-01T00:00:00.0000000Z#o-0"));
        var statusShards = items.Select(i => i[A.StatusShard].S).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.That(statusShards, Is.EqualTo(Enumerable.Range(0, shards).Select(s => $"PENDING#{s}").Order(StringComparer.Ordinal)), "every shard used, no other value");
        var timeShards = items.Select(i => i[A.TimeShard].S).Distinct().ToList();
        Assert.That(timeShards, Has.Count.EqualTo(StorageSchema.Orders.Index("byTime").WriteShards));
        Assert.That(items.GroupBy(i => i[A.TimeShard].S).Select(g => g.Count()), Is.All.InRange(20, 80), "ids hash evenly");
    }

    [Test]
    public void ToSnapshot_OfToItem_IsTheSameOrder([Values] OrderStatus status)
    {
        var order = StorageOrders.New().InStatus(status).ShippedTo(new("1 Main St", "Apt 2", "Springfield", "IL", "12345", "US")).Build();

        SnapshotAssert.AreEquivalent(OrderItemMapper.ToSnapshot(OrderItemMapper.ToItem(order.ToSnapshot())), order.ToSnapshot());
    }

    [Test]
    public async Task ToSnapshot_OfTheItemAsDynamoDbReturnsIt_IsTheSameOrder()
    {
        // A stream image is the stored item in DynamoDB JSON: read it back raw from a real server, not from our own writer.
        await using var storage = await StorageSandbox.CreateAsync();
        var order = StorageOrders.New().InStatus(OrderStatus.Completed).Build();
        await new DynamoDbOrderRepository(storage.DynamoDb, storage.Names.Table(StorageSchema.Orders)).AddAsync(order);

        var raw = await storage.DynamoDb.GetItemAsync(new GetItemRequest { TableName = storage.Names.Table(StorageSchema.Orders), Key = new() { [A.OrderId] = new AttributeValue { S = order.OrderId } } });

        SnapshotAssert.AreEquivalent(OrderItemMapper.ToSnapshot(raw.Item), order.ToSnapshot());
        Assert.That(OrderItemMapper.OrderIdOf(raw.Item), Is.EqualTo(order.OrderId));
    }

    [Test]
    public void OrderIdOf_StreamKeys_IsTheOrderId()
    {
        var keys = new Dictionary<string, AttributeValue> { [A.OrderId] = new() { S = "ord-9" } };

        Assert.That(OrderItemMapper.OrderIdOf(keys), Is.EqualTo("ord-9"));
    }

    [Test]
    public void ToSnapshot_ItemWithoutAnAttribute_FailsNamingIt([Values(A.CustomerId, A.Version, A.Lines, A.LastEvent)] string missing)
    {
        var item = OrderItemMapper.ToItem(StorageOrders.New().Build().ToSnapshot());
        item.Remove(missing);

        var e = Assert.Throws<FormatException>(() => OrderItemMapper.ToSnapshot(item));
        Assert.That(e!.Message, Does.Contain($"'{missing}'"));
    }

    [Test]
    public void ToSnapshot_UnknownStatus_Fails()
    {
        var item = OrderItemMapper.ToItem(StorageOrders.New().Build().ToSnapshot());
        item[A.Status] = new AttributeValue { S = "LOST" };

        Assert.Throws<FormatException>(() => OrderItemMapper.ToSnapshot(item));
    }
}
