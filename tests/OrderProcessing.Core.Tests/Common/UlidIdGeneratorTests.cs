using OrderProcessing.Core.Common;
using OrderProcessing.Core.Tests.Support;
using OrderProcessing.Testing.Time;

namespace OrderProcessing.Core.Tests.Common;

/// <summary>Order ids are <c>ord_</c> + a ULID: unique without coordination and sortable by creation time.</summary>
public class UlidIdGeneratorTests
{
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    [Test]
    public void Id_IsOrdPrefixAndTwentySixCrockfordCharacters() =>
        Assert.That(new UlidIdGenerator(TestClock.New()).NewOrderId(), Does.Match("^ord_[0-7][0-9A-HJKMNP-TV-Z]{25}$"));

    [Test]
    public void Ids_AreUnique_EvenWithinOneMillisecond()
    {
        var generator = new UlidIdGenerator(TestClock.New());

        var ids = Enumerable.Range(0, 10_000).Select(_ => generator.NewOrderId()).ToList();

        Assert.That(ids.Distinct().Count(), Is.EqualTo(ids.Count));
    }

    [Test]
    public void Ids_SortByCreationTime()
    {
        var clock = TestClock.New();
        var generator = new UlidIdGenerator(clock);
        var ids = new List<string>();
        foreach (var step in new[] { 1, 1, 2, 1000, 60_000, 1, 86_400_000 })
        {
            ids.Add(generator.NewOrderId());
            clock.Advance(TimeSpan.FromMilliseconds(step));
        }

        Assert.That(ids.Order(StringComparer.Ordinal), Is.EqualTo(ids));
    }

    [Test]
    public void Id_EncodesItsMillisecondInTheFirstTenCharacters()
    {
        var clock = TestClock.New();

        var id = new UlidIdGenerator(clock).NewOrderId();

        var millis = id["ord_".Length..("ord_".Length + 10)].Aggregate(0L, (value, c) => (value * 32) + Crockford.IndexOf(c, StringComparison.Ordinal));
        Assert.That(millis, Is.EqualTo(clock.GetUtcNow().ToUnixTimeMilliseconds()));
    }
}
