using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Core.Sweeping;

/// <summary>
/// Finds orders that sit in a status longer than its stage's deadline and nudges each once per run, so a stage message
/// that was lost (a pipe record dropped, a queue message deleted by hand) cannot leave an order waiting forever. Safe to
/// run any number of times: a nudge re-emits the status the order is in, and every stage is idempotent.
/// </summary>
public sealed class StuckOrderSweeper
{
    private readonly IStuckOrderStore _store;
    private readonly IReadOnlyDictionary<OrderStatus, TimeSpan> _deadlines;
    private readonly TimeProvider _clock;

    /// <summary>Creates the sweeper.</summary>
    /// <param name="store">The orders store.</param>
    /// <param name="deadlines">
    /// The statuses to sweep, each with how long an order may sit in it before it counts as stuck (the longest its stage's
    /// message can live). Statuses not named are never swept (terminal ones, and those whose stage leaves the status
    /// unchanged, where time in the status says nothing).
    /// </param>
    /// <param name="clock">Time.</param>
    public StuckOrderSweeper(IStuckOrderStore store, IReadOnlyDictionary<OrderStatus, TimeSpan> deadlines, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(deadlines);
        ArgumentNullException.ThrowIfNull(clock);
        foreach (var (status, deadline) in deadlines)
        {
            if (deadline <= TimeSpan.Zero)
            {
                throw new ArgumentException($"The deadline of {status.ToWire()} must be positive.", nameof(deadlines));
            }
        }

        _store = store;
        _deadlines = deadlines;
        _clock = clock;
    }

    /// <summary>The statuses swept and their deadlines.</summary>
    public IReadOnlyDictionary<OrderStatus, TimeSpan> Deadlines => _deadlines;

    /// <summary>
    /// At most <paramref name="limit"/> stuck orders over every swept status, the longest-waiting first, without touching
    /// them. <paramref name="olderThan"/> replaces every status's deadline when given (an operator's <c>--older-than</c>).
    /// </summary>
    public async Task<IReadOnlyList<StuckOrder>> FindAsync(int limit, TimeSpan? olderThan = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var now = _clock.GetUtcNow();
        var found = new List<StuckOrder>();
        foreach (var (status, deadline) in _deadlines)
        {
            found.AddRange(await _store.FindStuckAsync(status, now - (olderThan ?? deadline), limit, cancellationToken).ConfigureAwait(false));
        }

        return found.OrderBy(o => o.EnteredAt).ThenBy(o => o.OrderId, StringComparer.Ordinal).Take(limit).ToList();
    }

    /// <summary>Finds at most <paramref name="limit"/> stuck orders and nudges each once.</summary>
    public async Task<SweepReport> SweepAsync(int limit, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(limit, cancellationToken: cancellationToken).ConfigureAwait(false);
        var nudged = new List<StuckOrder>(found.Count);
        foreach (var order in found)
        {
            try
            {
                nudged.Add(await _store.NudgeAsync(order, _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false));
            }
            catch (ConcurrencyConflictException)
            {
                // It moved on (or was deleted) since it was read: its stage got to it after all, nothing to do.
            }
        }

        return new SweepReport(found.Count, nudged.Count, nudged.Count(o => o.Nudges > 1), nudged);
    }
}
