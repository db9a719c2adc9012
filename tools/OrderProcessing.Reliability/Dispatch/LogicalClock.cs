using OrderProcessing.Reliability.Faults;

namespace OrderProcessing.Reliability.Dispatch;

/// <summary>
/// The pipeline's time: one tick per delivery started, jumping ahead when nothing can run. Stalled calls and
/// scheduled client requests wait on it, which makes slow Lambdas and racing clients repeatable for a seed. As a
/// <see cref="TimeProvider"/> it is the transport's clock, a tick being <see cref="TickLength"/>, so the chaos delivery's
/// delays are ticks too.
/// </summary>
internal sealed class LogicalClock : TimeProvider, IStallClock
{
    /// <summary>What one tick is on the transport's clock.</summary>
    public static readonly TimeSpan TickLength = TimeSpan.FromMilliseconds(1);

    /// <summary>The time at tick 0.</summary>
    public static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Lock _gate = new();
    private readonly PriorityQueue<TaskCompletionSource, (long Due, long Sequence)> _waiters = new();
    private long _sequence;

    /// <summary>Called with the number of ticks each time the clock moves, so wall-clock-like time can follow.</summary>
    public Action<long>? Advanced { get; set; }

    private long _now;

    /// <summary>The current tick.</summary>
    public long Now
    {
        get => Interlocked.Read(ref _now);
        private set => Interlocked.Exchange(ref _now, value);
    }

    /// <summary><paramref name="ticks"/> as time on this clock.</summary>
    public static TimeSpan Ticks(long ticks) => TimeSpan.FromTicks(ticks * TickLength.Ticks);

    /// <summary>The first tick at or after <paramref name="time"/>.</summary>
    public static long TickAt(DateTimeOffset time) => (long)Math.Ceiling((time - Epoch).Ticks / (double)TickLength.Ticks);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Epoch + Ticks(Now);

    /// <summary>Calls waiting on the clock.</summary>
    public int WaiterCount
    {
        get
        {
            lock (_gate)
            {
                return _waiters.Count;
            }
        }
    }

    /// <summary>The tick at which the next waiter wakes, if any.</summary>
    public long? NextWake
    {
        get
        {
            lock (_gate)
            {
                return _waiters.TryPeek(out _, out var due) ? due.Due : null;
            }
        }
    }

    public Task WaitTicksAsync(int ticks)
    {
        // Continuations run inline when the dispatcher advances the clock, so an in-memory run stays on one thread.
        var waiter = new TaskCompletionSource();
        lock (_gate)
        {
            _waiters.Enqueue(waiter, (Now + Math.Max(1, ticks), _sequence++));
        }

        return waiter.Task;
    }

    /// <summary>Moves to <paramref name="tick"/> (never backwards) and wakes every waiter due by then, earliest first.</summary>
    public void AdvanceTo(long tick)
    {
        long moved;
        lock (_gate)
        {
            moved = Math.Max(0, tick - Now);
            Now += moved;
        }

        if (moved > 0)
        {
            Advanced?.Invoke(moved);
        }

        while (true)
        {
            TaskCompletionSource? due = null;
            lock (_gate)
            {
                if (_waiters.TryPeek(out _, out var next) && next.Due <= Now)
                {
                    due = _waiters.Dequeue();
                }
            }

            if (due is null)
            {
                return;
            }

            due.SetResult();
        }
    }
}
