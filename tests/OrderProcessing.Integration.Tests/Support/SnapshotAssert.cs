using OrderProcessing.Core.Orders;

namespace OrderProcessing.Integration.Tests.Support;

/// <summary>Compares stored orders field by field (records holding lists compare those lists by reference, so they are checked element-wise).</summary>
public static class SnapshotAssert
{
    /// <summary>Asserts that <paramref name="actual"/> stores the same order as <paramref name="expected"/>.</summary>
    public static void AreEquivalent(Order? actual, Order expected)
    {
        Assert.That(actual, Is.Not.Null, $"order {expected.OrderId} was not found");
        AreEquivalent(actual!.ToSnapshot(), expected.ToSnapshot());
    }

    /// <summary>Asserts that two snapshots hold the same order.</summary>
    public static void AreEquivalent(OrderSnapshot actual, OrderSnapshot expected)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(actual with { Lines = expected.Lines, History = expected.History }, Is.EqualTo(expected), "scalar fields, address and last event");
            Assert.That(actual.Lines, Is.EqualTo(expected.Lines), "lines");
            Assert.That(actual.History, Is.EqualTo(expected.History), "history");
        }
    }
}
