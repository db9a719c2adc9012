using OrderProcessing.Transport.Delivery;

namespace OrderProcessing.Transport.Tests.Delivery;

/// <summary>The in-order policy is the local host's delivery: once, after the delivery delay, oldest first, doubling retries.</summary>
public sealed class InOrderDeliveryTests
{
    private static readonly DispatcherOptions Options = new() { DeliveryDelay = TimeSpan.FromMilliseconds(250), RetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(5) };

    [Test]
    public void CopyDelays_AnyChange_QueueItOnceAfterTheDeliveryDelay()
    {
        Assert.That(new InOrderDelivery(Options).CopyDelays(), Is.EqualTo(new[] { Options.DeliveryDelay }));
    }

    [Test]
    public void ChooseBatch_VisibleMessages_AreTheOldestUpToTheBatchSize()
    {
        var policy = new InOrderDelivery(Options);

        Assert.That(policy.ChooseBatch(visible: 7, batchSize: 3), Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(policy.ChooseBatch(visible: 2, batchSize: 3), Is.EqualTo(new[] { 0, 1 }));
    }

    [Test]
    public void ChooseStage_SomeWithVisibleMessages_IsTheFirstOfThem()
    {
        Assert.That(new InOrderDelivery(Options).ChooseStage([0, 0, 4, 1]), Is.EqualTo(2));
    }

    [Test]
    public void RetryDelay_PerReceive_DoublesUpToTheCap()
    {
        var policy = new InOrderDelivery(Options);

        Assert.That(Enumerable.Range(1, 5).Select(policy.RetryDelay), Is.EqualTo(new[] { 1, 2, 4, 5, 5 }.Select(s => TimeSpan.FromSeconds(s))));
    }
}
