using System.Diagnostics;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Sweeping;
using OrderProcessing.Integration.Tests.Support;
using OrderProcessing.Testing.Orders;

namespace OrderProcessing.Integration.Tests.Contracts;

/// <summary>
/// What every <see cref="IOrderRepository"/> must do, run against each implementation: conditional writes, listings
/// newest first per scope, and opaque cursors that survive every page size and reject tampering.
/// </summary>
public abstract class OrderRepositoryContract
{
    private const int LargeSetSize = 250;
    private static readonly string[] Customers = ["cust-a", "cust-b", "cust-c"];
    private static readonly OrderStatus[] Statuses = [OrderStatus.Pending, OrderStatus.Reserved, OrderStatus.Paid, OrderStatus.Cancelled];
    private IOrderRepository? _large;
    private List<Order> _largeSet = [];

    /// <summary>The scopes the large listing test walks: all orders, each status, each customer.</summary>
    public static IEnumerable<TestCaseData> Scopes =>
        new[] { new TestCaseData(null, null).SetArgDisplayNames("all") }
            .Concat(Statuses.Select(s => new TestCaseData(s, null).SetArgDisplayNames(s.ToWire())))
            .Concat(Customers.Select(c => new TestCaseData(null, c).SetArgDisplayNames(c)));

    /// <summary>When the tombstones of orders deleted by these tests may expire: far enough ahead that none does during a run.</summary>
    protected static readonly DateTimeOffset TombstoneExpiry = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A fresh, empty repository.</summary>
    protected abstract Task<IOrderRepository> CreateRepositoryAsync();

    /// <summary>Stores 250 orders over 3 customers and 4 statuses once for the fixture, in shuffled order, pairs sharing a creation time.</summary>
    [OneTimeSetUp]
    public async Task StoreLargeSet()
    {
        _large = await CreateRepositoryAsync();
        var random = new Random(20260115);
        var start = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
        _largeSet = Enumerable.Range(0, LargeSetSize)
            .Select(i => StorageOrders.New()
                .WithId($"ord-{random.Next(100_000, 999_999)}-{i:D3}")
                .WithCustomer(Customers[i % Customers.Length])
                .InStatus(Statuses[i % Statuses.Length])
                .PlacedAt(start.AddSeconds(i / 2).AddTicks(i % 5 == 0 ? 1 : 0))
                .Build())
            .OrderBy(_ => random.Next())
            .ToList();
        await Parallel.ForEachAsync(_largeSet, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (order, ct) => await _large.AddAsync(order, ct));
    }

    [Test]
    public async Task FindStuck_OrdersInTheStatusSinceBeforeTheCutoff_AreFoundOldestFirstUpToTheLimit()
    {
        var repository = await CreateRepositoryAsync();
        var start = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var reserved = Enumerable.Range(0, 12)
            .Select(i => StorageOrders.New().WithId($"stuck-{i:D2}").InStatus(OrderStatus.Reserved).PlacedAt(start.AddMinutes(i)).Build())
            .ToList();
        var other = StorageOrders.New().WithId("paid-01").InStatus(OrderStatus.Paid).PlacedAt(start).Build();
        foreach (var order in reserved.Append(other))
        {
            await repository.AddAsync(order);
        }

        // Entered RESERVED a minute after placing: the first 10 (placed at +0..+9 min) entered before +10:30.
        var stuck = await Stuck(repository).FindStuckAsync(OrderStatus.Reserved, start.AddMinutes(10.5), limit: 4);
        var all = await Stuck(repository).FindStuckAsync(OrderStatus.Reserved, start.AddMinutes(10.5), limit: 100);

        Assert.That(stuck.Select(o => o.OrderId), Is.EqualTo(new[] { "stuck-00", "stuck-01", "stuck-02", "stuck-03" }));
        Assert.That(all.Select(o => o.OrderId), Is.EqualTo(reserved.Take(10).Select(o => o.OrderId)));
        Assert.That(stuck[0], Is.EqualTo(new StuckOrder("stuck-00", OrderStatus.Reserved, reserved[0].Version, reserved[0].UpdatedAt, 0)));
    }

    [Test]
    public async Task Nudge_RepeatedInOneStatus_CountsAndATransitionStartsTheCountAgain()
    {
        var repository = await CreateRepositoryAsync();
        var order = StorageOrders.New().WithId("nudged-01").InStatus(OrderStatus.Reserved).Build();
        await repository.AddAsync(order);
        var target = StuckOrder.Of(order);

        var first = await Stuck(repository).NudgeAsync(target, order.UpdatedAt.AddMinutes(20));
        var second = await Stuck(repository).NudgeAsync(target, order.UpdatedAt.AddMinutes(40));
        var stored = await repository.GetAsync(order.OrderId);
        var found = await Stuck(repository).FindStuckAsync(OrderStatus.Reserved, order.UpdatedAt.AddHours(1), 10);
        stored!.MarkPaid("pay_1", order.UpdatedAt.AddHours(1));
        await repository.UpdateAsync(stored);
        var afterTransition = await Stuck(repository).NudgeAsync(StuckOrder.Of(stored), order.UpdatedAt.AddHours(2));

        Assert.That((first.Nudges, second.Nudges, afterTransition.Nudges), Is.EqualTo((1, 2, 1)));
        Assert.That(found.Single().Nudges, Is.EqualTo(2));
        SnapshotAssert.AreEquivalent(await repository.GetAsync(order.OrderId), stored);
    }

    [Test]
    public async Task Nudge_OrderThatMovedOnOrIsGone_ConflictsAndChangesNothing()
    {
        var repository = await CreateRepositoryAsync();
        var order = StorageOrders.New().WithId("moved-01").InStatus(OrderStatus.Reserved).Build();
        await repository.AddAsync(order);
        var stale = StuckOrder.Of(order);
        order.MarkPaid("pay_1", order.UpdatedAt.AddMinutes(1));
        await repository.UpdateAsync(order);

        Assert.That(() => Stuck(repository).NudgeAsync(stale, order.UpdatedAt), Throws.TypeOf<ConcurrencyConflictException>());
        Assert.That(() => Stuck(repository).NudgeAsync(stale with { OrderId = "nope" }, order.UpdatedAt), Throws.TypeOf<ConcurrencyConflictException>());
        Assert.That((await Stuck(repository).NudgeAsync(StuckOrder.Of(order), order.UpdatedAt)).Nudges, Is.EqualTo(1));
    }

    private static IStuckOrderStore Stuck(IOrderRepository repository) =>
        repository as IStuckOrderStore ?? throw new AssertionException($"{repository.GetType().Name} cannot find stuck orders.");

    [Test]
    public async Task Get_UnknownOrder_ReturnsNull()
    {
        var repository = await CreateRepositoryAsync();

        Assert.That(await repository.GetAsync("nope"), Is.Null);
    }

    [Test]
    public async Task Add_ThenGet_ReturnsTheSameOrder([Values] OrderStatus status)
    {
        var repository = await CreateRepositoryAsync();
        var order = StorageOrders.New().InStatus(status).ShippedTo(new("1 Main St", "Apt 2", "Springfield", null, "12345", "US")).Build();

        await repository.AddAsync(order);

        SnapshotAssert.AreEquivalent(await repository.GetAsync(order.OrderId), order);
    }

    [Test]
    public async Task Add_SameIdTwice_IsAConflictAndKeepsTheFirst()
    {
        var repository = await CreateRepositoryAsync();
        var first = StorageOrders.New().WithCustomer("first").Build();
        await repository.AddAsync(first);

        Assert.ThrowsAsync<ConcurrencyConflictException>(() => repository.AddAsync(StorageOrders.New().WithCustomer("second").Build()));
        SnapshotAssert.AreEquivalent(await repository.GetAsync(first.OrderId), first);
    }

    [Test]
    public async Task Update_AtExpectedVersionAndStatus_StoresTheTransition()
    {
        var repository = await CreateRepositoryAsync();
        var order = StorageOrders.New().Build();
        await repository.AddAsync(order);
        order.MarkReserved(order.CreatedAt.AddMinutes(1));
        await repository.UpdateAsync(order);
        order.MarkPaid("pay_1", order.CreatedAt.AddMinutes(2));

        await repository.UpdateAsync(order);

        var stored = await repository.GetAsync(order.OrderId);
        SnapshotAssert.AreEquivalent(stored, order);
        Assert.That(stored!.Version, Is.EqualTo(3));
    }

    [Test]
    public async Task Update_SameStatusWrite_StoresTheNextVersionWithTheStatusKept()
    {
        var repository = await CreateRepositoryAsync();
        var order = StorageOrders.New().Build();
        await repository.AddAsync(order);
        var rewritten = SameStatusWrite.Of(order);

        await repository.UpdateAsync(rewritten);

        var stored = await repository.GetAsync(order.OrderId);
        SnapshotAssert.AreEquivalent(stored, rewritten);
        Assert.That((stored!.Status, stored.Version, stored.LastEvent.Version), Is.EqualTo((OrderStatus.Pending, 2L, 1L)));
    }

    [Test]
    public async Task Update_SameStatusWriteFromAStaleCopy_IsAConflict()
    {
        var repository = await CreateRepositoryAsync();
        var order = StorageOrders.New().Build();
        await repository.AddAsync(order);
        await repository.UpdateAsync(SameStatusWrite.Of(order));

        Assert.ThrowsAsync<ConcurrencyConflictException>(() => repository.UpdateAsync(SameStatusWrite.Of(order)));
    }

    [Test]
    public async Task Update_FromAStaleCopy_IsAConflictAndChangesNothing()
    {
        var repository = await CreateRepositoryAsync();
        var order = StorageOrders.New().Build();
        await repository.AddAsync(order);
        var winner = await repository.GetAsync(order.OrderId);
        var loser = await repository.GetAsync(order.OrderId);
        winner!.MarkReserved(order.CreatedAt.AddMinutes(1));
        loser!.Cancel("changed my mind", order.CreatedAt.AddMinutes(1));
        await repository.UpdateAsync(winner);

        Assert.ThrowsAsync<ConcurrencyConflictException>(() => repository.UpdateAsync(loser));
        SnapshotAssert.AreEquivalent(await repository.GetAsync(order.OrderId), winner);
    }

    [Test]
    public async Task Update_SameVersionButAnotherStatus_IsAConflict()
    {
        var repository = await CreateRepositoryAsync();
        var stored = StorageOrders.New().InStatus(OrderStatus.OutOfStock).Build();
        await repository.AddAsync(stored);

        // Version 3 expects version 2 in RESERVED; the store holds version 2 in OUT_OF_STOCK.
        var other = StorageOrders.New().InStatus(OrderStatus.Reserved).Build();
        other.Cancel("customer asked", other.UpdatedAt.AddMinutes(1));

        Assert.ThrowsAsync<ConcurrencyConflictException>(() => repository.UpdateAsync(other));
        SnapshotAssert.AreEquivalent(await repository.GetAsync(stored.OrderId), stored);
    }

    [Test]
    public async Task Update_UnknownOrder_IsAConflictAndCreatesNothing()
    {
        var repository = await CreateRepositoryAsync();
        var order = StorageOrders.New().InStatus(OrderStatus.Reserved).Build();

        Assert.ThrowsAsync<ConcurrencyConflictException>(() => repository.UpdateAsync(order));
        Assert.That(await repository.GetAsync(order.OrderId), Is.Null);
    }

    [Test]
    public async Task Update_TenWritersFromTheSameVersion_ExactlyOneWins()
    {
        var repository = await CreateRepositoryAsync();
        var order = StorageOrders.New().Build();
        await repository.AddAsync(order);

        var copies = new List<Order>();
        for (var i = 0; i < 10; i++)
        {
            var copy = (await repository.GetAsync(order.OrderId))!;
            copy.Cancel($"writer {i}", order.CreatedAt.AddMinutes(1));
            copies.Add(copy);
        }

        var results = await Task.WhenAll(copies.Select(copy => Task.Run(async () =>
        {
            try
            {
                await repository.UpdateAsync(copy);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        })));

        Assert.That(results.Count(r => r), Is.EqualTo(1));
        Assert.That((await repository.GetAsync(order.OrderId))!.Version, Is.EqualTo(2));
    }

    [Test]
    public async Task Delete_AtExpectedVersion_RemovesTheOrderFromReadsAndListings()
    {
        var repository = await CreateRepositoryAsync();
        var order = StorageOrders.New().InStatus(OrderStatus.Cancelled).Build();
        await repository.AddAsync(order);

        await repository.DeleteAsync(order.OrderId, order.Version, TombstoneExpiry);

        Assert.That(await repository.GetAsync(order.OrderId), Is.Null);
        Assert.That((await repository.ListAsync(new OrderQuery(null, null, 10, null))).Items, Is.Empty);
        Assert.That((await repository.ListAsync(new OrderQuery(OrderStatus.Cancelled, null, 10, null))).Items, Is.Empty);
        Assert.That((await repository.ListAsync(new OrderQuery(null, order.Customer.CustomerId, 10, null))).Items, Is.Empty);
    }

    [Test]
    public async Task Delete_KeepsTheIdTaken_SoAddingAnOrderUnderItConflictsAndStoresNothing()
    {
        var repository = await CreateRepositoryAsync();
        var order = StorageOrders.New().InStatus(OrderStatus.Completed).Build();
        await repository.AddAsync(order);
        await repository.DeleteAsync(order.OrderId, order.Version, TombstoneExpiry);

        Assert.ThrowsAsync<ConcurrencyConflictException>(() => repository.AddAsync(StorageOrders.New().WithId(order.OrderId).Build()));
        Assert.That(await repository.GetAsync(order.OrderId), Is.Null);
        Assert.That((await repository.ListAsync(new OrderQuery(null, null, 10, null))).Items, Is.Empty);
        Assert.That((await repository.ListAsync(new OrderQuery(OrderStatus.Pending, null, 10, null))).Items, Is.Empty);
        Assert.That((await repository.ListAsync(new OrderQuery(null, order.Customer.CustomerId, 10, null))).Items, Is.Empty);
    }

    [Test]
    public async Task Delete_OfADeletedOrder_IsAConflict()
    {
        var repository = await CreateRepositoryAsync();
        var order = StorageOrders.New().InStatus(OrderStatus.Cancelled).Build();
        await repository.AddAsync(order);
        await repository.DeleteAsync(order.OrderId, order.Version, TombstoneExpiry);

        Assert.ThrowsAsync<ConcurrencyConflictException>(() => repository.DeleteAsync(order.OrderId, order.Version, TombstoneExpiry));
    }

    [Test]
    public async Task Update_OfADeletedOrder_IsAConflictAndBringsNothingBack()
    {
        var repository = await CreateRepositoryAsync();
        var order = StorageOrders.New().Build();
        await repository.AddAsync(order);
        await repository.DeleteAsync(order.OrderId, order.Version, TombstoneExpiry);
        order.MarkReserved(order.CreatedAt.AddMinutes(1));

        Assert.ThrowsAsync<ConcurrencyConflictException>(() => repository.UpdateAsync(order));
        Assert.That(await repository.GetAsync(order.OrderId), Is.Null);
        Assert.That((await repository.ListAsync(new OrderQuery(null, null, 10, null))).Items, Is.Empty);
    }

    [Test]
    public async Task Delete_LeavesOtherOrdersListed()
    {
        var repository = await CreateRepositoryAsync();
        var kept = StorageOrders.New().WithId("ord-kept").InStatus(OrderStatus.Cancelled).Build();
        var deleted = StorageOrders.New().WithId("ord-deleted").InStatus(OrderStatus.Cancelled).Build();
        await repository.AddAsync(kept);
        await repository.AddAsync(deleted);

        await repository.DeleteAsync(deleted.OrderId, deleted.Version, TombstoneExpiry);

        Assert.That((await repository.ListAsync(new OrderQuery(null, null, 10, null))).Items.Select(o => o.OrderId), Is.EqualTo(new[] { kept.OrderId }));
        Assert.That((await repository.ListAsync(new OrderQuery(OrderStatus.Cancelled, null, 10, null))).Items.Select(o => o.OrderId), Is.EqualTo(new[] { kept.OrderId }));
        Assert.That((await repository.ListAsync(new OrderQuery(null, kept.Customer.CustomerId, 10, null))).Items.Select(o => o.OrderId), Is.EqualTo(new[] { kept.OrderId }));
    }

    [Test]
    public async Task Delete_AtStaleVersion_IsAConflictAndKeepsTheOrder()
    {
        var repository = await CreateRepositoryAsync();
        var order = StorageOrders.New().InStatus(OrderStatus.Cancelled).Build();
        await repository.AddAsync(order);

        Assert.ThrowsAsync<ConcurrencyConflictException>(() => repository.DeleteAsync(order.OrderId, order.Version - 1, TombstoneExpiry));
        Assert.That(await repository.GetAsync(order.OrderId), Is.Not.Null);
    }

    [Test]
    public async Task Delete_UnknownOrder_IsAConflict()
    {
        var repository = await CreateRepositoryAsync();

        Assert.ThrowsAsync<ConcurrencyConflictException>(() => repository.DeleteAsync("nope", 1, TombstoneExpiry));
    }

    [Test]
    public async Task List_Empty_HasNoItemsAndNoCursor()
    {
        var repository = await CreateRepositoryAsync();

        var page = await repository.ListAsync(new OrderQuery(null, null, 20, null));

        Assert.That(page.Items, Is.Empty);
        Assert.That(page.NextCursor, Is.Null);
    }

    [Test]
    public async Task List_LastPageExactlyFull_HasNoCursor()
    {
        var repository = await CreateRepositoryAsync();
        for (var i = 0; i < 3; i++)
        {
            await repository.AddAsync(StorageOrders.New().WithId($"o-{i}").PlacedAt(new DateTimeOffset(2026, 1, 1, 0, i, 0, TimeSpan.Zero)).Build());
        }

        var page = await repository.ListAsync(new OrderQuery(null, null, 3, null));

        Assert.That(page.Items.Select(o => o.OrderId), Is.EqualTo(new[] { "o-2", "o-1", "o-0" }));
        Assert.That(page.NextCursor, Is.Null);
    }

    [Test]
    public async Task List_SameCreationTime_OrdersByIdDescending()
    {
        var repository = await CreateRepositoryAsync();
        foreach (var id in new[] { "o-b", "o-c", "o-a" })
        {
            await repository.AddAsync(StorageOrders.New().WithId(id).Build());
        }

        var page = await repository.ListAsync(new OrderQuery(null, null, 10, null));

        Assert.That(page.Items.Select(o => o.OrderId), Is.EqualTo(new[] { "o-c", "o-b", "o-a" }));
    }

    [Test]
    public async Task List_ByStatus_FollowsTransitions()
    {
        var repository = await CreateRepositoryAsync();
        var order = StorageOrders.New().Build();
        await repository.AddAsync(order);
        order.MarkReserved(order.CreatedAt.AddMinutes(1));
        await repository.UpdateAsync(order);

        var pending = await repository.ListAsync(new OrderQuery(OrderStatus.Pending, null, 10, null));
        var reserved = await repository.ListAsync(new OrderQuery(OrderStatus.Reserved, null, 10, null));

        Assert.That(pending.Items, Is.Empty);
        Assert.That(reserved.Items.Select(o => o.OrderId), Is.EqualTo(new[] { order.OrderId }));
        SnapshotAssert.AreEquivalent(reserved.Items[0], order);
    }

    [Test]
    public async Task List_ByCustomer_ReturnsOnlyThatCustomersOrders()
    {
        var repository = await CreateRepositoryAsync();
        await repository.AddAsync(StorageOrders.New().WithId("o-1").WithCustomer("alice").Build());
        await repository.AddAsync(StorageOrders.New().WithId("o-2").WithCustomer("bob").Build());
        await repository.AddAsync(StorageOrders.New().WithId("o-3").WithCustomer("alice").InStatus(OrderStatus.Paid).Build());

        var page = await repository.ListAsync(new OrderQuery(null, "alice", 10, null));

        Assert.That(page.Items.Select(o => o.OrderId), Is.EqualTo(new[] { "o-3", "o-1" }));
    }

    [Test]
    public async Task List_TamperedCursor_IsAValidationErrorOnCursor()
    {
        var cursor = (await _large!.ListAsync(new OrderQuery(null, null, 5, null))).NextCursor!;

        foreach (var tampered in new[] { Flip(cursor, 0), Flip(cursor, cursor.Length / 2), Flip(cursor, cursor.Length - 1), cursor + "A", cursor[..^1] })
        {
            var e = Assert.ThrowsAsync<ValidationException>(() => _large.ListAsync(new OrderQuery(null, null, 5, tampered)), tampered);
            Assert.That(e!.Errors.Keys, Is.EquivalentTo(new[] { "cursor" }));
        }
    }

    [Test]
    public async Task List_CursorOfAnotherListing_IsAValidationErrorOnCursor()
    {
        var cursor = (await _large!.ListAsync(new OrderQuery(OrderStatus.Paid, null, 5, null))).NextCursor!;

        var e = Assert.ThrowsAsync<ValidationException>(() => _large.ListAsync(new OrderQuery(OrderStatus.Pending, null, 5, cursor)));
        Assert.That(e!.Errors.Keys, Is.EquivalentTo(new[] { "cursor" }));
        Assert.ThrowsAsync<ValidationException>(() => _large.ListAsync(new OrderQuery(null, null, 5, cursor)));
        Assert.ThrowsAsync<ValidationException>(() => _large.ListAsync(new OrderQuery(null, Customers[0], 5, cursor)));
    }

    [Test]
    public void List_GarbageCursor_IsAValidationErrorOnCursor([Values("", "x", "not a cursor!", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] string garbage)
    {
        var e = Assert.ThrowsAsync<ValidationException>(() => _large!.ListAsync(new OrderQuery(null, null, 5, garbage)));
        Assert.That(e!.Errors.Keys, Is.EquivalentTo(new[] { "cursor" }));
    }

    [TestCaseSource(nameof(Scopes))]
    public async Task List_EveryPageSizeFrom1To100_ReturnsEveryOrderOnceNewestFirst(OrderStatus? status, string? customer)
    {
        var expected = _largeSet
            .Where(o => (status is null || o.Status == status) && (customer is null || o.Customer.CustomerId == customer))
            .OrderByDescending(o => o.CreatedAt.UtcTicks)
            .ThenByDescending(o => o.OrderId, StringComparer.Ordinal)
            .Select(o => o.OrderId)
            .ToList();
        Assert.That(expected, Is.Not.Empty);
        var clock = Stopwatch.StartNew();
        var requests = 0;

        await Parallel.ForEachAsync(Enumerable.Range(1, 100), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (pageSize, ct) =>
        {
            var seen = new List<string>();
            string? cursor = null;
            do
            {
                var page = await _large!.ListAsync(new OrderQuery(status, customer, pageSize, cursor), ct);
                Interlocked.Increment(ref requests);
                Assert.That(page.Items, Has.Count.LessThanOrEqualTo(pageSize), $"page size {pageSize}");
                if (page.NextCursor is not null)
                {
                    Assert.That(page.Items, Has.Count.EqualTo(pageSize), $"page size {pageSize}: only the last page may be short");
                }

                seen.AddRange(page.Items.Select(o => o.OrderId));
                cursor = page.NextCursor;
            }
            while (cursor is not null);

            Assert.That(seen, Is.EqualTo(expected), $"page size {pageSize}");
        });

        // Recorded, not asserted: tests never assert wall-clock time.
        TestContext.Out.WriteLine($"{expected.Count} orders through page sizes 1..100: {requests} pages in {clock.Elapsed.TotalSeconds:F1} s");
    }

    // 'A' (0) and 'g' (32) differ in the highest of a base64 digit's six bits, which is never a padding bit.
    private static string Flip(string cursor, int index) =>
        cursor[..index] + (cursor[index] == 'A' ? 'g' : 'A') + cursor[(index + 1)..];
}
