using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using OrderProcessing.Functions.Notifications;
using OrderProcessing.Local.Hosting;
using OrderProcessing.Local.Mail;
using OrderProcessing.Local.Sweeping;
using OrderProcessing.Testing.Time;
using OrderProcessing.Testing.Waiting;
using OrderProcessing.Topology;
using OrderProcessing.Transport.ChangeFeed;
using OrderProcessing.Transport.Invocation;

namespace OrderProcessing.Local.Tests.Sweeping;

/// <summary>The local host's stand-in for the sweeper's schedule: it invokes the sweeper function on its clock, or never when off.</summary>
public sealed class StuckOrderSweepTimerTests
{
    [Test]
    public async Task Timer_EachIntervalOnItsClock_InvokesTheSweeperFunctionOnce()
    {
        var clock = TestClock.New();
        var sweeper = new CountingSweepHandler();
        await using var slot = Slot(sweeper, clock);
        using var timer = new StuckOrderSweepTimer(slot, new LocalOptions { SweepInterval = TimeSpan.FromMinutes(5) }, clock, NullLogger<StuckOrderSweepTimer>.Instance);
        await timer.StartAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(4));
        await Task.Delay(50);
        var beforeTheInterval = sweeper.Invocations;
        clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => sweeper.Invocations == 1, "the sweeper runs once the interval has passed");
        clock.Advance(TimeSpan.FromMinutes(5));
        await Eventually.TrueAsync(() => sweeper.Invocations == 2, "and again an interval later");
        await timer.StopAsync(CancellationToken.None);

        Assert.That(beforeTheInterval, Is.Zero);
    }

    [Test]
    public async Task Timer_WithAZeroInterval_NeverInvokesTheSweeper()
    {
        var clock = TestClock.New();
        var sweeper = new CountingSweepHandler();
        await using var slot = Slot(sweeper, clock);
        using var timer = new StuckOrderSweepTimer(slot, new LocalOptions { SweepInterval = TimeSpan.Zero }, clock, NullLogger<StuckOrderSweepTimer>.Instance);
        await timer.StartAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromHours(1));
        await Task.Delay(50);
        await timer.StopAsync(CancellationToken.None);

        Assert.That(sweeper.Invocations, Is.Zero);
    }

    private static SystemSlot Slot(CountingSweepHandler sweeper, TimeProvider clock)
    {
        var slot = new SystemSlot();
        slot.Fill(new LocalSystem
        {
            Api = sweeper,
            StageFunction = f => f == SystemTopology.SweepStuckOrders ? sweeper : throw new AssertionException($"Only the sweeper runs here, not {f.Name}."),
            ChangeFeed = new OrderChangeFeed(clock, NullLogger<OrderChangeFeed>.Instance),
            SeedCatalogAsync = _ => Task.FromResult(0),
            Mail = new LocalMail(new InMemoryMailTransport(), "in memory", null, null),
            StorageDescription = "none",
        });
        return slot;
    }

    private sealed class CountingSweepHandler : IFunctionHandler
    {
        private int _invocations;

        public string Name => SystemTopology.SweepStuckOrders.Name;

        public int Invocations => Volatile.Read(ref _invocations);

        public Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _invocations);
            return Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes("""{"found":0,"nudged":0,"nudgedAgain":0}""")));
        }
    }
}
