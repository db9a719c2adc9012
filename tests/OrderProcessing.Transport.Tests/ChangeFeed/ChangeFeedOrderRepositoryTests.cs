using Microsoft.Extensions.Logging.Abstractions;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.InMemory;
using OrderProcessing.Core.Orders;
using OrderProcessing.Testing.Orders;
using OrderProcessing.Testing.Transport;
using OrderProcessing.Testing.Waiting;
using OrderProcessing.Topology;
using OrderProcessing.Transport.ChangeFeed;
using OrderProcessing.Transport.Delivery;
using OrderProcessing.Transport.Dispatch;

namespace OrderProcessing.Transport.Tests.ChangeFeed;

/// <summary>The local stand-in for the orders stream: one change per successful write, with the images a stream carries.</summary>
public sealed class ChangeFeedOrderRepositoryTests
{
    [Test]
    public async Task Store_NewOrder_RaisesAnInsertWithItsNewImageOnly()
    {
        var (feed, changes) = Create();

        await feed.AddAsync(Orders.Pending());

        var change = changes.Single();
        Assert.That(change.Kind, Is.EqualTo(OrderChangeKind.Insert));
        Assert.That(change.NewImage!.Status, Is.EqualTo(OrderStatus.Pending));
        Assert.That(change.OldImage, Is.Null);
    }

    [Test]
    public async Task Store_SameStatusWrite_RaisesAModifyThatNoStageReceives()
    {
        var (feed, changes) = Create();
        var order = Orders.Pending();
        await feed.AddAsync(order);
        using var dispatcher = new StageDispatcher(SystemTopology.Stages, s => new FakeStageHandler(s.Name), new DispatcherOptions(), TimeProvider.System, NullLogger<StageDispatcher>.Instance);
        dispatcher.OnChange(changes[0]);

        await feed.UpdateAsync(SameStatusWrite.Of(order));
        dispatcher.OnChange(changes[1]);

        Assert.That((changes[1].Kind, changes[1].OldImage!.Status, changes[1].NewImage!.Status, changes[1].NewImage!.Version), Is.EqualTo((OrderChangeKind.Modify, OrderStatus.Pending, OrderStatus.Pending, 2L)));
        Assert.That(dispatcher.RoutedChanges, Is.EqualTo(new Dictionary<string, int> { ["reserve-inventory"] = 1 }));
        Assert.That(dispatcher.UnroutedChanges, Is.EqualTo(1));
    }

    [Test]
    public async Task Store_Transition_RaisesAModifyWithTheOldAndNewImages()
    {
        var (feed, changes) = Create();
        await feed.AddAsync(Orders.Pending());
        var order = (await feed.GetAsync("o-1"))!;

        order.MarkReserved(DateTimeOffset.UnixEpoch);
        await feed.UpdateAsync(order);

        var change = changes[1];
        Assert.That(change.Kind, Is.EqualTo(OrderChangeKind.Modify));
        Assert.That((change.OldImage!.Status, change.OldImage.Version), Is.EqualTo((OrderStatus.Pending, 1L)));
        Assert.That((change.NewImage!.Status, change.NewImage.Version), Is.EqualTo((OrderStatus.Reserved, 2L)));
        Assert.That(change.SequenceNumber, Is.GreaterThan(changes[0].SequenceNumber));
    }

    [Test]
    public async Task Store_RejectedWrite_RaisesNothing()
    {
        var (feed, changes) = Create();
        await feed.AddAsync(Orders.Pending());
        var stale = (await feed.GetAsync("o-1"))!;
        var winner = (await feed.GetAsync("o-1"))!;
        winner.Cancel("customer asked", DateTimeOffset.UnixEpoch);
        await feed.UpdateAsync(winner);

        stale.MarkReserved(DateTimeOffset.UnixEpoch);

        Assert.That(async () => await feed.UpdateAsync(stale), Throws.InstanceOf<ConcurrencyConflictException>());
        Assert.That(async () => await feed.AddAsync(Orders.Pending()), Throws.InstanceOf<ConcurrencyConflictException>());
        Assert.That(changes.Select(c => c.NewStatus), Is.EqualTo(new OrderStatus?[] { OrderStatus.Pending, OrderStatus.Cancelled }));
    }

    [Test]
    public async Task Delete_Order_RaisesARemoveWithTheOldImageAndNoNewImage()
    {
        var (feed, changes) = Create();
        await feed.AddAsync(Orders.Pending());
        var order = (await feed.GetAsync("o-1"))!;
        order.Cancel("customer asked", DateTimeOffset.UnixEpoch);
        await feed.UpdateAsync(order);

        await feed.DeleteAsync("o-1", order.Version, DateTimeOffset.UnixEpoch.AddDays(1));

        var change = changes[^1];
        Assert.That(change.Kind, Is.EqualTo(OrderChangeKind.Remove));
        Assert.That(change.NewImage, Is.Null);
        Assert.That(change.OldImage!.Status, Is.EqualTo(OrderStatus.Cancelled));
    }

    [Test]
    public async Task Changes_OfRepositoriesSharingAFeed_AreNumberedInOneSequence()
    {
        var changes = new OrderChangeFeed(TimeProvider.System, NullLogger<OrderChangeFeed>.Instance);
        var recorder = new Recorder();
        changes.Subscribe(recorder);
        var store = new InMemoryOrderRepository();
        var api = new ChangeFeedOrderRepository(store, changes);
        var stage = new ChangeFeedOrderRepository(store, changes);

        await api.AddAsync(Orders.Pending());
        var order = (await stage.GetAsync("o-1"))!;
        order.MarkReserved(DateTimeOffset.UnixEpoch);
        await stage.UpdateAsync(order);

        Assert.That(recorder.Changes.Select(c => c.SequenceNumber), Is.EqualTo(new long[] { 1, 2 }));
    }

    [Test]
    public async Task Subscriber_Failing_NeitherFailsTheWriteNorStarvesTheOthers()
    {
        var changes = new OrderChangeFeed(TimeProvider.System, NullLogger<OrderChangeFeed>.Instance);
        var feed = new ChangeFeedOrderRepository(new InMemoryOrderRepository(), changes);
        var received = new Recorder();
        changes.Subscribe(new Throwing());
        changes.Subscribe(received);

        await feed.AddAsync(Orders.Pending());

        Assert.That(await feed.GetAsync("o-1"), Is.Not.Null);
        Assert.That(received.Changes, Has.Count.EqualTo(1));
    }

    private static (ChangeFeedOrderRepository Feed, List<OrderChange> Changes) Create()
    {
        var changes = new OrderChangeFeed(TimeProvider.System, NullLogger<OrderChangeFeed>.Instance);
        var recorder = new Recorder();
        changes.Subscribe(recorder);
        return (new ChangeFeedOrderRepository(new InMemoryOrderRepository(), changes), recorder.Changes);
    }

    private sealed class Recorder : IOrderChangeSubscriber
    {
        public List<OrderChange> Changes { get; } = [];

        public void OnChange(OrderChange change) => Changes.Add(change);
    }

    private sealed class Throwing : IOrderChangeSubscriber
    {
        public void OnChange(OrderChange change) => throw new InvalidOperationException("subscriber bug");
    }
}
