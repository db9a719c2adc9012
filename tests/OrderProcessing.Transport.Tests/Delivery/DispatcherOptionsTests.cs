using OrderProcessing.Transport.Delivery;
using OrderProcessing.Transport.Dispatch;
using OrderProcessing.Transport.Events;
using OrderProcessing.Transport.Queues;

namespace OrderProcessing.Transport.Tests.Delivery;

/// <summary>The retry delay schedule.</summary>
public sealed class DispatcherOptionsTests
{
    [Test]
    public void RetryDelay_PerReceive_DoublesAndNeverExceedsTheMaximumEvenForHugeCounts()
    {
        var options = new DispatcherOptions { RetryDelay = TimeSpan.FromMilliseconds(250), MaxRetryDelay = TimeSpan.FromSeconds(3) };

        var delays = new[] { 1, 2, 3, 4, 5, 64, int.MaxValue }.Select(options.BackoffAfter).Select(d => d.TotalMilliseconds);

        Assert.That(delays, Is.EqualTo(new[] { 250, 500, 1000, 2000, 3000, 3000, 3000 }));
    }
}
