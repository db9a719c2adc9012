using Microsoft.Extensions.Time.Testing;
using OrderProcessing.Core.Idempotency;
using OrderProcessing.Integration.Tests.Support;
using OrderProcessing.Testing.Time;

namespace OrderProcessing.Integration.Tests.Contracts;

/// <summary>What every <see cref="IIdempotencyStore"/> must do: the first claim of a key wins until it expires, then the key is free.</summary>
public abstract class IdempotencyStoreContract
{
    /// <summary>A fresh, empty store reading time from <paramref name="clock"/>.</summary>
    protected abstract Task<IIdempotencyStore> CreateStoreAsync(TimeProvider clock);

    private static IdempotencyRecord Record(FakeTimeProvider clock, string key = "key-1", string orderId = "o-1", string fingerprint = "fp-1") =>
        new(key, fingerprint, orderId, clock.GetUtcNow(), clock.GetUtcNow().AddHours(24));

    [Test]
    public async Task Claim_FreeKey_StoresTheRecord()
    {
        var clock = TestClock.New();
        var store = await CreateStoreAsync(clock);

        Assert.That(await store.TryClaimAsync(Record(clock)), Is.Null);
        Assert.That(await store.TryClaimAsync(Record(clock, orderId: "o-2")), Is.EqualTo(Record(clock)), "the stored record comes back");
    }

    [Test]
    public async Task Claim_TakenKey_ReturnsTheFirstRecordAndChangesNothing()
    {
        var clock = TestClock.New();
        var store = await CreateStoreAsync(clock);
        var first = Record(clock);
        await store.TryClaimAsync(first);
        clock.Advance(TimeSpan.FromHours(23));

        var existing = await store.TryClaimAsync(Record(clock, orderId: "o-2", fingerprint: "fp-2"));

        Assert.That(existing, Is.EqualTo(first));
        Assert.That(await store.TryClaimAsync(Record(clock, orderId: "o-3")), Is.EqualTo(first));
    }

    [Test]
    public async Task Claim_KeysAreIndependent()
    {
        var clock = TestClock.New();
        var store = await CreateStoreAsync(clock);
        await store.TryClaimAsync(Record(clock, key: "key-1"));

        Assert.That(await store.TryClaimAsync(Record(clock, key: "key-2", orderId: "o-2")), Is.Null);
    }

    [Test]
    public async Task Claim_AfterExpiry_TakesTheKeyOver()
    {
        var clock = TestClock.New();
        var store = await CreateStoreAsync(clock);
        await store.TryClaimAsync(Record(clock));
        clock.Advance(TimeSpan.FromHours(24).Add(TimeSpan.FromMilliseconds(1)));
        var second = Record(clock, orderId: "o-2", fingerprint: "fp-2");

        Assert.That(await store.TryClaimAsync(second), Is.Null);
        Assert.That(await store.TryClaimAsync(Record(clock, orderId: "o-3")), Is.EqualTo(second));
    }

    [Test]
    public async Task Claim_ExactlyAtExpiry_TakesTheKeyOver()
    {
        var clock = TestClock.New();
        var store = await CreateStoreAsync(clock);
        await store.TryClaimAsync(Record(clock));
        clock.Advance(TimeSpan.FromHours(24));

        Assert.That(await store.TryClaimAsync(Record(clock, orderId: "o-2")), Is.Null);
    }

    [Test]
    public async Task Claim_JustBeforeExpiry_IsStillTaken()
    {
        var clock = TestClock.New();
        var store = await CreateStoreAsync(clock);
        var first = Record(clock);
        await store.TryClaimAsync(first);

        // Less than a second before expiry: the exact expiry decides, not the time-to-live attribute's whole seconds.
        clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMilliseconds(300));

        Assert.That(await store.TryClaimAsync(Record(clock, orderId: "o-2")), Is.EqualTo(first));
    }

    [Test]
    public async Task Claim_ConcurrentClaimsOfOneKey_ExactlyOneWins()
    {
        var clock = TestClock.New();
        var store = await CreateStoreAsync(clock);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => store.TryClaimAsync(Record(clock, orderId: $"o-{i}")))));

        Assert.That(results.Count(r => r is null), Is.EqualTo(1));
        var winner = results.Select((r, i) => (r, i)).Single(x => x.r is null).i;
        Assert.That(results.Where(r => r is not null).Select(r => r!.OrderId), Is.All.EqualTo($"o-{winner}"));
    }
}
