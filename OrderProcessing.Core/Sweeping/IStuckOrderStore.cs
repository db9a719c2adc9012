using OrderProcessing.Core.Orders;

namespace OrderProcessing.Core.Sweeping;

/// <summary>
/// The orders store as the sweeper needs it: find orders that have sat in one status since before a cutoff, through the
/// status index (never a scan), and nudge one, re-emitting its current status to its stage.
/// </summary>
public interface IStuckOrderStore
{
    /// <summary>
    /// At most <paramref name="limit"/> orders in <paramref name="status"/> whose last transition is older than
    /// <paramref name="enteredBefore"/>, the longest-waiting first.
    /// </summary>
    Task<IReadOnlyList<StuckOrder>> FindStuckAsync(OrderStatus status, DateTimeOffset enteredBefore, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Re-emits <paramref name="order"/>'s current status: one conditional write, only if the stored order still has that
    /// status and version and its last write was that status's transition, that changes nothing but the nudge count, so
    /// the change feed carries it again as the transition into that status (same event, same version) and the status's
    /// stage and subscribers see it again. Returns the order with its nudge count after this nudge. Throws
    /// <see cref="Common.ConcurrencyConflictException"/>, changing nothing, when the order moved on or is gone.
    /// </summary>
    Task<StuckOrder> NudgeAsync(StuckOrder order, DateTimeOffset at, CancellationToken cancellationToken = default);
}
