using OrderProcessing.Core.Common;
using OrderProcessing.Core.Retries;

namespace OrderProcessing.Core.Tests.Retries;

/// <summary>The one retry loop of lost races and throttling: how often it tries, what surfaces after the last attempt, and how long it waits.</summary>
public sealed class ContentionRetryTests
{
    [Test]
    public async Task LostRaces_AreTriedAgain_UntilAnAttemptIsDone()
    {
        var retry = new ContentionRetry(5, TimeProvider.System);
        var calls = 0;

        var result = await retry.RunAsync(_ => Task.FromResult(++calls < 3 ? Attempt<int>.Again : Attempt<int>.Done(calls)), () => new TransientFailureException("exhausted"));

        Assert.That((result, calls), Is.EqualTo((3, 3)));
    }

    [Test]
    public void LastAttemptStillLosing_SurfacesTheCallersException_AfterExactlyMaxAttempts()
    {
        var retry = new ContentionRetry(4, TimeProvider.System);
        var calls = 0;

        var error = Assert.ThrowsAsync<TransientFailureException>(() => retry.RunAsync(_ => { calls++; return Task.FromResult(Attempt<bool>.Again); }, () => new TransientFailureException("kept conflicting")));

        Assert.That((error!.Message, calls), Is.EqualTo(("kept conflicting", 4)));
    }

    [Test]
    public void ConcurrencyConflict_IsRetried_AndTheLastOneSurfacesAsItIs()
    {
        var retry = new ContentionRetry(3, TimeProvider.System);
        var calls = 0;
        var last = new ConcurrencyConflictException("third");

        var error = Assert.ThrowsAsync<ConcurrencyConflictException>(() => retry.RunAsync<bool>(
            _ => { calls++; throw calls == 3 ? last : new ConcurrencyConflictException("earlier"); },
            () => new TransientFailureException("not this one")));

        Assert.That((error, calls), Is.EqualTo((last, 3)));
    }

    [Test]
    public void OtherFailures_AreNotRetried()
    {
        var retry = new ContentionRetry(5, TimeProvider.System);
        var calls = 0;

        Assert.ThrowsAsync<InvalidOperationException>(() => retry.RunAsync<bool>(_ => { calls++; throw new InvalidOperationException(); }, () => new TransientFailureException("no")));

        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public void Delays_DoubleFromTheFirst_UpToTheCap()
    {
        var retry = new ContentionRetry(20, TimeProvider.System, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(1));

        var delays = Enumerable.Range(1, 8).Select(a => retry.DelayAfter(a).TotalMilliseconds);

        Assert.That(delays, Is.EqualTo(new[] { 50d, 100, 200, 400, 800, 1000, 1000, 1000 }));
    }

    [Test]
    public async Task Waits_ComeFromTheTimeProvider_BetweenAttemptsOnly()
    {
        var clock = new RecordingTimers();
        var retry = new ContentionRetry(4, clock, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(120));
        var calls = 0;

        await retry.RunAsync(_ => Task.FromResult(++calls < 4 ? Attempt<int>.Again : Attempt<int>.Done(calls)), () => new TransientFailureException("no"));

        Assert.That(clock.Waits.Select(w => w.TotalMilliseconds), Is.EqualTo(new[] { 50d, 100, 120 }));
    }

    [Test]
    public async Task NoFirstDelay_RetriesAtOnce_WithoutTouchingTheTimeProvider()
    {
        var clock = new RecordingTimers();
        var retry = new ContentionRetry(3, clock);
        var calls = 0;

        await retry.RunAsync(_ => Task.FromResult(++calls < 3 ? Attempt<int>.Again : Attempt<int>.Done(calls)), () => new TransientFailureException("no"));

        Assert.That(clock.Waits, Is.Empty);
    }

    [Test]
    public void ZeroAttempts_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new ContentionRetry(0, TimeProvider.System));
    }

    // Records every wait asked for and lets it elapse at once, so no test waits on the wall clock.
    private sealed class RecordingTimers : TimeProvider
    {
        public List<TimeSpan> Waits { get; } = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (Waits)
            {
                Waits.Add(dueTime);
            }

            ThreadPool.QueueUserWorkItem(_ => callback(state));
            return new NoTimer();
        }

        private sealed class NoTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
