using OrderProcessing.Core.Common;

namespace OrderProcessing.Core.Retries;

/// <summary>
/// The one retry loop for contention: an optimistic write that lost a race (<see cref="Attempt{T}.Again"/>, or a
/// <see cref="ConcurrencyConflictException"/> thrown by the attempt) or a store shedding load is tried again, up to
/// <see cref="MaxAttempts"/> attempts in all, each attempt re-reading and deciding on the current state. Waits between
/// attempts (none by default: the loser of a race has nothing to wait for) come from the <see cref="TimeProvider"/>, so
/// tests stay deterministic. Anything else an attempt throws propagates at once.
/// </summary>
/// <remarks>
/// Hand-written rather than Polly: Core is a NuGet package with no package dependencies, and this needs only a count and
/// a capped doubling delay. After the last attempt a thrown <see cref="ConcurrencyConflictException"/> surfaces as it is;
/// a last <see cref="Attempt{T}.Again"/> surfaces as the caller's exception (typically <see cref="TransientFailureException"/>).
/// </remarks>
public sealed class ContentionRetry
{
    private readonly TimeProvider _clock;

    /// <summary>Creates the retry.</summary>
    /// <param name="maxAttempts">Attempts in all, the first included; at least 1.</param>
    /// <param name="clock">Source of the waits between attempts.</param>
    /// <param name="firstDelay">The wait after the first failed attempt, doubled after each further one; zero (the default) retries at once.</param>
    /// <param name="maxDelay">The longest wait; defaults to <paramref name="firstDelay"/> times 32.</param>
    public ContentionRetry(int maxAttempts, TimeProvider clock, TimeSpan firstDelay = default, TimeSpan? maxDelay = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstDelay, TimeSpan.Zero);
        MaxAttempts = maxAttempts;
        _clock = clock;
        FirstDelay = firstDelay;
        MaxDelay = maxDelay ?? firstDelay * 32;
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, FirstDelay, nameof(maxDelay));
    }

    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; }

    /// <summary>The wait after the first failed attempt; doubled after each further one up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan FirstDelay { get; }

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxDelay { get; }

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var delay = FirstDelay;
        for (var i = 1; i < attempt && delay < MaxDelay; i++)
        {
            delay += delay;
        }

        return delay < MaxDelay ? delay : MaxDelay;
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> until it is done, retrying lost races; throws <paramref name="exhausted"/>'s exception
    /// when the last attempt still asks to try again.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<Attempt<T>>> attempt, Func<Exception> exhausted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(exhausted);
        for (var number = 1; ; number++)
        {
            Attempt<T> result;
            try
            {
                result = await attempt(cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException) when (number < MaxAttempts)
            {
                result = Attempt<T>.Again;
            }

            if (result.Succeeded)
            {
                return result.Value;
            }

            if (number >= MaxAttempts)
            {
                throw exhausted();
            }

            var delay = DelayAfter(number);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
