using Amazon.DynamoDBv2.Model;
using OrderProcessing.Benchmarks.Cost;

namespace OrderProcessing.Benchmarks.Tests.Cost;

/// <summary>Index write units follow the storage schema: which indexes a write puts, updates or moves entries in.</summary>
public sealed class IndexWritesTests
{
    private static readonly Dictionary<string, AttributeValue> OrderKey = new() { ["orderId"] = new AttributeValue { S = "ord_1" } };

    private static PutItemRequest NewOrder() => new()
    {
        TableName = "cost-orders",
        Item = new()
        {
            ["orderId"] = new AttributeValue { S = "ord_1" },
            ["customerId"] = new AttributeValue { S = "c-1" },
            ["createdKey"] = new AttributeValue { S = "2026-01-01T00:00:00.0000000Z#ord_1" },
            ["statusShard"] = new AttributeValue { S = "PENDING#3" },
            ["timeShard"] = new AttributeValue { S = "all#3" },
        },
    };

    private static UpdateItemRequest Transition(string statusShard) => new()
    {
        TableName = "cost-orders",
        Key = OrderKey,
        UpdateExpression = "SET #statusShard = :statusShard, #customerId = :customerId, #createdKey = :createdKey, #timeShard = :timeShard, #version = :version",
        ExpressionAttributeNames = new() { ["#statusShard"] = "statusShard", ["#customerId"] = "customerId", ["#createdKey"] = "createdKey", ["#timeShard"] = "timeShard", ["#version"] = "version" },
        ExpressionAttributeValues = new()
        {
            [":statusShard"] = new AttributeValue { S = statusShard },
            [":customerId"] = new AttributeValue { S = "c-1" },
            [":createdKey"] = new AttributeValue { S = "2026-01-01T00:00:00.0000000Z#ord_1" },
            [":timeShard"] = new AttributeValue { S = "all#3" },
            [":version"] = new AttributeValue { N = "2" },
        },
    };

    [Test]
    public void NewOrder_PutsOneEntryInEachOfItsThreeIndexes()
    {
        Assert.That(new IndexWrites().Observe(NewOrder(), tableUnits: 1), Is.EqualTo(3));
    }

    [Test]
    public void StatusChange_MovesTheStatusEntryAndUpdatesTheOthers()
    {
        var writes = new IndexWrites();
        writes.Observe(NewOrder(), 1);

        // byStatus: delete + put (key changed); byCustomer and byTime: one update each (projection ALL), at 2 units.
        Assert.That(writes.Observe(Transition("RESERVED#3"), tableUnits: 2), Is.EqualTo((2 * 2) + 2 + 2));
    }

    [Test]
    public void StockChange_DoesNotTouchTheKeysOnlyListingIndex()
    {
        var update = new UpdateItemRequest
        {
            TableName = "cost-products",
            Key = new() { ["productId"] = new AttributeValue { S = "sku-1" } },
            UpdateExpression = "SET available = available - :q",
            ExpressionAttributeValues = new() { [":q"] = new AttributeValue { N = "1" } },
        };

        Assert.That(new IndexWrites().Observe(update, tableUnits: 1), Is.Zero);
    }
}
