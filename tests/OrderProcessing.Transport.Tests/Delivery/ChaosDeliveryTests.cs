using OrderProcessing.Transport.Delivery;

namespace OrderProcessing.Transport.Tests.Delivery;

/// <summary>The chaos policy is hostile within SQS's contract, and the same seed makes the same choices.</summary>
public sealed class ChaosDeliveryTests
{
    private static readonly ChaosDeliveryOptions Options = new() { Seed = 5, MaxDuplicateDelay = TimeSpan.FromMilliseconds(60), MaxRetryDelay = TimeSpan.FromMilliseconds(30), MinRetryDelay = TimeSpan.FromMilliseconds(1), Step = TimeSpan.FromMilliseconds(1) };

    [Test]
    public void CopyDelays_AnyChange_QueueItOneToThreeTimesTheFirstCopyAtOnce()
    {
        var policy = new ChaosDelivery(Options);

        var copies = Enumerable.Range(0, 300).Select(_ => policy.CopyDelays()).ToList();

        Assert.That(copies.Select(c => c.Count).Distinct(), Is.EquivalentTo(new[] { 1, 2, 3 }));
        Assert.That(copies.Select(c => c[0]), Is.All.EqualTo(TimeSpan.Zero));
        Assert.That(copies.SelectMany(c => c.Skip(1)), Is.All.InRange(TimeSpan.Zero, Options.MaxDuplicateDelay));
    }

    [Test]
    public void ChooseBatch_VisibleMessages_AreOneToBatchSizeDistinctOnesInAnyOrder()
    {
        var policy = new ChaosDelivery(Options);

        var batches = Enumerable.Range(0, 300).Select(_ => policy.ChooseBatch(visible: 20, batchSize: 10)).ToList();

        Assert.That(batches, Has.All.Matches<IReadOnlyList<int>>(b => b.Count is >= 1 and <= 10 && b.Distinct().Count() == b.Count && b.All(i => i is >= 0 and < 20)));
        Assert.That(batches.Select(b => b.Count).Distinct().Count(), Is.GreaterThan(1), "batch sizes vary");
        Assert.That(batches.Any(b => b[0] != 0), Is.True, "the oldest message is not always first");
    }

    [Test]
    public void RetryDelay_FailedMessage_ComesBackWithinTheRetryDelays()
    {
        var policy = new ChaosDelivery(Options);

        var delays = Enumerable.Range(1, 200).Select(policy.RetryDelay).ToList();

        Assert.That(delays, Is.All.InRange(Options.MinRetryDelay, Options.MaxRetryDelay));
    }

    [Test]
    public void ChooseStage_SomeWithVisibleMessages_IsOneOfThem()
    {
        var policy = new ChaosDelivery(Options);

        var stages = Enumerable.Range(0, 200).Select(_ => policy.ChooseStage([0, 3, 0, 5, 0])).Distinct().ToList();

        Assert.That(stages, Is.EquivalentTo(new[] { 1, 3 }));
    }

    [Test]
    public void Choices_SameSeed_AreTheSame()
    {
        static IReadOnlyList<object> Run()
        {
            var policy = new ChaosDelivery(Options);
            return Enumerable.Range(0, 50).SelectMany(i => new object[] { policy.CopyDelays().Count, policy.ChooseStage([1, 2, 3]), string.Join(",", policy.ChooseBatch(8, 4)), policy.RetryDelay(i + 1) }).ToList();
        }

        var first = Run();
        var second = Run();

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Create_WithFewerThanOneCopy_IsRefused()
    {
        Assert.That(() => new ChaosDelivery(Options with { MinCopies = 0 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
