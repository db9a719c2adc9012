using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Sweeping;
using OrderProcessing.Testing.Time;
using OrderProcessing.Topology;
using OrderProcessing.Transport.ChangeFeed;
using OrderProcessing.Transport.Delivery;
using OrderProcessing.Transport.Dispatch;
using OrderProcessing.Transport.Invocation;
using TestOrders = OrderProcessing.Testing.Transport.Orders;

namespace OrderProcessing.Transport.Tests.Sweeping;

/// <summary>
/// A stage message lost on purpose, in the pipe (the change feed does not deliver the write) or in the queue (deleted
/// before any receive), and the scheduled sweeper, run through its entry point on the test clock, gets the order to the
/// end anyway: the real stage functions over in-memory stores, the change feed and the dispatcher, as the local host runs them.
/// </summary>
public sealed class LostMessageTests
{
    private static readonly TimeSpan PastDeadline = SystemTopology.StuckOrderDeadlines[OrderStatus.Reserved] + TimeSpan.FromSeconds(1);

    [Test]
    public async Task Order_WhosePipeRecordIsLost_CompletesAfterTheSweeperNudgesItPastItsDeadline()
    {
        await using var system = new LossySystem(dropReservedChanges: 1);
        await system.PlaceAsync("o-1");

        Assert.That(await system.StatusOfAsync("o-1"), Is.EqualTo(OrderStatus.Reserved), "the RESERVED change was lost, so charge-payment never ran");
        Assert.That(await system.SweepAsync(), Is.EqualTo(new Sweep(0, 0, 0)), "before the deadline nothing is stuck");

        system.Clock.Advance(PastDeadline);
        var sweep = await system.SweepAsync();

        Assert.That(sweep, Is.EqualTo(new Sweep(1, 1, 0)));
        Assert.That(await system.StatusOfAsync("o-1"), Is.EqualTo(OrderStatus.Completed));
        Assert.That(system.Output, Does.Contain($"\"{SweepStuckOrdersFunction.NudgedMetric}\":1"));
    }

    [Test]
    public async Task Order_WhoseQueuedMessageIsDeleted_CompletesAfterTheSweeperNudgesIt()
    {
        await using var system = new LossySystem(dropReservedChanges: 0);
        system.Dispatcher.SetPaused(SystemTopology.ChargePayment.Name, paused: true);
        await system.PlaceAsync("o-1");
        var queue = system.Dispatcher.Find(SystemTopology.ChargePayment.Name)!;
        system.Dispatcher.SetPaused(SystemTopology.ChargePayment.Name, paused: false);
        foreach (var message in queue.Receive())
        {
            queue.Delete(message.MessageId);
        }

        system.Clock.Advance(PastDeadline);
        var sweep = await system.SweepAsync();

        Assert.That(sweep, Is.EqualTo(new Sweep(1, 1, 0)));
        Assert.That(await system.StatusOfAsync("o-1"), Is.EqualTo(OrderStatus.Completed));
    }

    [Test]
    public async Task Order_LostAgainAfterANudge_IsCountedAsNudgedAgainAndStillCompletes()
    {
        await using var system = new LossySystem(dropReservedChanges: 2);
        await system.PlaceAsync("o-1");
        system.Clock.Advance(PastDeadline);

        var first = await system.SweepAsync();
        var early = await system.SweepAsync();
        system.Clock.Advance(PastDeadline);
        var second = await system.SweepAsync();

        Assert.That(first, Is.EqualTo(new Sweep(1, 1, 0)));
        Assert.That(early, Is.EqualTo(new Sweep(1, 1, 1)), "a nudge does not reset the order's time in its status, so it is still past its deadline");
        Assert.That(second, Is.EqualTo(new Sweep(0, 0, 0)), "the third copy was delivered and the order moved on");
        Assert.That(await system.StatusOfAsync("o-1"), Is.EqualTo(OrderStatus.Completed));
        Assert.That(system.Output, Does.Contain($"\"{SweepStuckOrdersFunction.NudgedAgainMetric}\":1"));
    }

    private sealed record Sweep(int Found, int Nudged, int NudgedAgain);

    /// <summary>The in-process system whose pipe loses the first <c>dropReservedChanges</c> changes into RESERVED.</summary>
    private sealed class LossySystem : IAsyncDisposable
    {
        private readonly StringWriter _output = new();
        private readonly Dictionary<string, FunctionEntryPoint> _functions;
        private readonly SystemPorts _ports;

        public LossySystem(int dropReservedChanges)
        {
            var feed = new OrderChangeFeed(Clock, NullLogger<OrderChangeFeed>.Instance);
            var memory = SystemPorts.InMemory(Clock);
            var factory = new ChangeFeedPortsFactory(new SharedPorts(memory), feed);
            var failures = new StageFailureLog();
            _functions = SystemTopology.Stages.Append(SystemTopology.SweepStuckOrders).ToDictionary(
                f => f.Name,
                f => FunctionEntryPoints.Create(f, FunctionBootstrap.Create(f, Setting, factory, _output, failures)),
                StringComparer.Ordinal);
            _ports = factory.Create(FunctionSettings.Load(SystemTopology.Api, Setting));
            Dispatcher = new StageDispatcher(
                SystemTopology.Stages,
                f => new StreamFunctionHandler(f.Name, input => _functions[f.Name].InvokeAsync(input, CancellationToken.None)),
                new DispatcherOptions { RetryDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.Zero },
                Clock,
                NullLogger<StageDispatcher>.Instance,
                failures);
            feed.Subscribe(new LossyPipe(Dispatcher, OrderStatus.Reserved, dropReservedChanges));
        }

        public FakeTimeProvider Clock { get; } = TestClock.New();

        public StageDispatcher Dispatcher { get; }

        public string Output => _output.ToString();

        public async Task PlaceAsync(string orderId)
        {
            await new CatalogService(_ports.Catalog!).PutAsync("sku-cafe", new ProductRequest("Café de Colombia", 24.90m, "USD", 10));
            await _ports.Orders!.AddAsync(TestOrders.Pending(orderId));
            await DrainAsync();
        }

        public async Task<OrderStatus?> StatusOfAsync(string orderId) => (await _ports.Orders!.GetAsync(orderId))?.Status;

        /// <summary>One scheduled run of the sweeper, then every message it caused, delivered.</summary>
        public async Task<Sweep> SweepAsync()
        {
            await using var answer = await _functions[SystemTopology.SweepStuckOrders.Name].InvokeAsync(new MemoryStream("{}"u8.ToArray()), CancellationToken.None);
            using var json = await JsonDocument.ParseAsync(answer);
            await DrainAsync();
            var root = json.RootElement;
            return new Sweep(root.GetProperty("found").GetInt32(), root.GetProperty("nudged").GetInt32(), root.GetProperty("nudgedAgain").GetInt32());
        }

        public ValueTask DisposeAsync()
        {
            Dispatcher.Dispose();
            return ValueTask.CompletedTask;
        }

        private async Task DrainAsync()
        {
            while (Dispatcher.TryReceive(out var queue, out var batch))
            {
                await Dispatcher.DeliverAsync(queue, batch);
            }
        }

        private static string? Setting(string name) => name == SettingNames.InvoiceLinkSeconds ? "300" : name == SettingNames.MailSender ? "shop@example.com" : "test";
    }

    /// <summary>Plays the stream's pipe, but loses the first <paramref name="drops"/> writes into <paramref name="status"/>.</summary>
    private sealed class LossyPipe(IOrderChangeSubscriber next, OrderStatus status, int drops) : IOrderChangeSubscriber
    {
        private int _dropped;

        public void OnChange(OrderChange change)
        {
            if (change.NewStatus == status && _dropped < drops)
            {
                _dropped++;
                return;
            }

            next.OnChange(change);
        }
    }

    /// <summary>Every function over the one shared set of in-memory stores.</summary>
    private sealed class SharedPorts(SystemPorts all) : IPortsFactory
    {
        public SystemPorts Create(FunctionSettings settings) => all;
    }
}
