using OrderProcessing.Core.Notifications;
using OrderProcessing.Testing.Time;

namespace OrderProcessing.Integration.Tests.Contracts;

/// <summary>
/// What every <see cref="ICustomerMailLedger"/> must do: one claim per (order, e-mail) until its lease ends; a sent record
/// stops every later claim; a release frees only the releaser's own claim.
/// </summary>
public abstract class CustomerMailLedgerContract
{
    /// <summary>A fresh, empty ledger reading time from <paramref name="clock"/>.</summary>
    protected abstract Task<ICustomerMailLedger> CreateLedgerAsync(TimeProvider clock);

    [Test]
    public async Task Claim_HeldUnexpired_IsRefused_ThenSent_IsAlreadySent()
    {
        var clock = TestClock.New();
        var ledger = await CreateLedgerAsync(clock);
        var lease = clock.GetUtcNow().AddMinutes(1);

        Assert.That(await ledger.TryClaimAsync("o-1", CustomerMailKind.Shipped, "a", lease), Is.EqualTo(MailClaimResult.Claimed));
        Assert.That(await ledger.TryClaimAsync("o-1", CustomerMailKind.Shipped, "b", lease), Is.EqualTo(MailClaimResult.HeldByAnother));
        await ledger.MarkSentAsync("o-1", CustomerMailKind.Shipped, "a", "<m-1>");
        clock.Advance(TimeSpan.FromDays(1));

        Assert.That(await ledger.TryClaimAsync("o-1", CustomerMailKind.Shipped, "c", clock.GetUtcNow().AddMinutes(1)), Is.EqualTo(MailClaimResult.AlreadySent));
    }

    [Test]
    public async Task Claim_LeaseEnded_IsTakenOver_AndTheLateReleaseLeavesIt()
    {
        var clock = TestClock.New();
        var ledger = await CreateLedgerAsync(clock);
        await ledger.TryClaimAsync("o-1", CustomerMailKind.Completed, "a", clock.GetUtcNow().AddMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.That(await ledger.TryClaimAsync("o-1", CustomerMailKind.Completed, "b", clock.GetUtcNow().AddMinutes(1)), Is.EqualTo(MailClaimResult.Claimed));
        await ledger.ReleaseAsync("o-1", CustomerMailKind.Completed, "a");
        Assert.That(await ledger.TryClaimAsync("o-1", CustomerMailKind.Completed, "c", clock.GetUtcNow().AddMinutes(1)), Is.EqualTo(MailClaimResult.HeldByAnother));
    }

    [Test]
    public async Task Release_OwnClaim_FreesItAtOnce()
    {
        var clock = TestClock.New();
        var ledger = await CreateLedgerAsync(clock);
        var lease = clock.GetUtcNow().AddMinutes(1);
        await ledger.TryClaimAsync("o-1", CustomerMailKind.OrderReceived, "a", lease);

        await ledger.ReleaseAsync("o-1", CustomerMailKind.OrderReceived, "a");

        Assert.That(await ledger.TryClaimAsync("o-1", CustomerMailKind.OrderReceived, "b", lease), Is.EqualTo(MailClaimResult.Claimed));
    }

    [Test]
    public async Task Claims_AreIndependentPerOrderAndEmail()
    {
        var clock = TestClock.New();
        var ledger = await CreateLedgerAsync(clock);
        var lease = clock.GetUtcNow().AddMinutes(1);
        await ledger.TryClaimAsync("o-1", CustomerMailKind.Shipped, "a", lease);

        Assert.That(await ledger.TryClaimAsync("o-1", CustomerMailKind.Completed, "b", lease), Is.EqualTo(MailClaimResult.Claimed));
        Assert.That(await ledger.TryClaimAsync("o-2", CustomerMailKind.Shipped, "c", lease), Is.EqualTo(MailClaimResult.Claimed));
    }
}
