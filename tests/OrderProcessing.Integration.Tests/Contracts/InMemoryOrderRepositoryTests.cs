using OrderProcessing.Core.Common;
using OrderProcessing.Core.InMemory;
using OrderProcessing.Core.Orders;
using OrderProcessing.Integration.Tests.Support;
using OrderProcessing.Testing.Time;

namespace OrderProcessing.Integration.Tests.Contracts;

/// <summary>The order repository contract on Core's in-memory store: the reference the DynamoDB adapter must match.</summary>
[TestFixture]
public sealed class InMemoryOrderRepositoryTests : OrderRepositoryContract
{
    /// <inheritdoc />
    protected override Task<IOrderRepository> CreateRepositoryAsync() => Task.FromResult<IOrderRepository>(new InMemoryOrderRepository());

    [Test]
    public async Task Tombstone_WithAClock_IsDroppedOnceItExpires_AsTheTableTimeToLiveWould()
    {
        var clock = TestClock.New();
        var repository = new InMemoryOrderRepository(clock: clock);
        var order = StorageOrders.New().InStatus(OrderStatus.Completed).Build();
        await repository.AddAsync(order);
        var expiry = clock.GetUtcNow().AddHours(25);
        await repository.DeleteAsync(order.OrderId, order.Version, expiry);

        clock.Advance(TimeSpan.FromHours(25) - TimeSpan.FromTicks(1));
        Assert.ThrowsAsync<ConcurrencyConflictException>(() => repository.AddAsync(StorageOrders.New().WithId(order.OrderId).Build()), "before its expiry");
        clock.Advance(TimeSpan.FromTicks(1));
        await repository.AddAsync(StorageOrders.New().WithId(order.OrderId).Build());

        Assert.That((await repository.GetAsync(order.OrderId))!.Status, Is.EqualTo(OrderStatus.Pending));
        Assert.That(repository.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task Count_LeavesTombstonesOut()
    {
        var repository = new InMemoryOrderRepository();
        var order = StorageOrders.New().InStatus(OrderStatus.Cancelled).Build();
        await repository.AddAsync(order);

        await repository.DeleteAsync(order.OrderId, order.Version, TombstoneExpiry);

        Assert.That(repository.Count, Is.Zero);
    }
}
