using Amazon.DynamoDBv2.Model;
using OrderProcessing.Functions.Adapters.DynamoDb;

namespace OrderProcessing.Functions.Tests.Adapters;

/// <summary>The update-expression builder: clauses in DynamoDB's section order, one placeholder per name, one per value, conditions AND-ed.</summary>
public sealed class UpdateExpressionBuilderTests
{
    [Test]
    public void Sections_AreWrittenSetAddRemove_WhateverTheOrderTheyWereAdded()
    {
        var update = new UpdateExpressionBuilder();

        update.Remove(update.Path("old")).Add(update.Path("count"), new AttributeValue { N = "1" }).Set(update.Path("name"), new AttributeValue { S = "x" });

        Assert.That(update.UpdateExpression, Is.EqualTo("SET #n2 = :v1 ADD #n1 :v0 REMOVE #n0"));
    }

    [Test]
    public void SameName_GetsOnePlaceholder_AndNestedPathsJoinWithDots()
    {
        var update = new UpdateExpressionBuilder();

        var ledger = update.Path("ledger", "o-1", "s");
        var again = update.Path("ledger", "o-2");

        Assert.That((ledger, again), Is.EqualTo(("#n0.#n1.#n2", "#n0.#n3")));
        Assert.That(update.Names, Is.EqualTo(new Dictionary<string, string> { ["#n0"] = "ledger", ["#n1"] = "o-1", ["#n2"] = "s", ["#n3"] = "o-2" }));
    }

    [Test]
    public void EveryValue_GetsItsOwnPlaceholder()
    {
        var update = new UpdateExpressionBuilder();
        var one = new AttributeValue { N = "1" };

        var first = update.Value(one);
        var second = update.Value(one);

        Assert.That((first, second), Is.EqualTo((":v0", ":v1")));
        Assert.That(update.Values.Keys, Is.EqualTo(new[] { ":v0", ":v1" }));
    }

    [Test]
    public void Conditions_AreJoinedWithAnd_AndAbsentWhenThereIsNone()
    {
        var update = new UpdateExpressionBuilder();
        Assert.That(update.ConditionExpression, Is.Null);

        var stock = update.Path("available");
        var q = update.Value(new AttributeValue { N = "2" });
        update.Set(stock, $"{stock} - {q}").Condition($"attribute_exists({update.Path("id")})").Condition($"{stock} >= {q}");

        Assert.That(update.ConditionExpression, Is.EqualTo("attribute_exists(#n1) AND #n0 >= :v0"));
        Assert.That(update.UpdateExpression, Is.EqualTo("SET #n0 = #n0 - :v0"));
    }

    [Test]
    public void ToRequest_CarriesTheExpressionsAndBothMaps()
    {
        var update = new UpdateExpressionBuilder();
        update.Set(update.Path("name"), new AttributeValue { S = "Widget" }).Condition($"attribute_exists({update.Path("productId")})");
        var key = new Dictionary<string, AttributeValue> { ["productId"] = new() { S = "sku-1" } };

        var request = update.ToRequest("products", key);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.TableName, Is.EqualTo("products"));
            Assert.That(request.Key, Is.SameAs(key));
            Assert.That(request.UpdateExpression, Is.EqualTo("SET #n0 = :v0"));
            Assert.That(request.ConditionExpression, Is.EqualTo("attribute_exists(#n1)"));
            Assert.That(request.ExpressionAttributeNames, Is.EqualTo(new Dictionary<string, string> { ["#n0"] = "name", ["#n1"] = "productId" }));
            Assert.That(request.ExpressionAttributeValues[":v0"].S, Is.EqualTo("Widget"));
        }
    }

    [Test]
    public void RemoveOnly_SendsNoValueMap()
    {
        var update = new UpdateExpressionBuilder();
        update.Remove(update.Path("ledger", "o-1"));

        var request = update.ToRequest("products", new() { ["productId"] = new() { S = "sku-1" } });

        Assert.That((request.UpdateExpression, request.ExpressionAttributeValues), Is.EqualTo(("REMOVE #n0.#n1", (Dictionary<string, AttributeValue>?)null)));
    }

    [Test]
    public void NoClause_IsAnError()
    {
        var update = new UpdateExpressionBuilder();

        Assert.Throws<InvalidOperationException>(() => _ = update.UpdateExpression);
    }
}
