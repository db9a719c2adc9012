using OrderProcessing.Core.Orders;

namespace OrderProcessing.Core.Tests.Support;

/// <summary>Field-by-field comparison of order snapshots (records compare their lists by reference).</summary>
public static class Snapshots
{
    public static void AssertEqual(OrderSnapshot actual, OrderSnapshot expected)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(actual with { Lines = [], History = [] }, Is.EqualTo(expected with { Lines = [], History = [] }));
            Assert.That(actual.Lines, Is.EqualTo(expected.Lines));
            Assert.That(actual.History, Is.EqualTo(expected.History));
        }
    }
}
