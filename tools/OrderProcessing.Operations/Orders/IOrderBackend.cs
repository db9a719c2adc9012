using OrderProcessing.Functions.Sweeping;

namespace OrderProcessing.Operations.Orders;

/// <summary>Where the tool finds and nudges orders: the stack's table, or the local host's store.</summary>
public interface IOrderBackend
{
    /// <summary>At most <paramref name="limit"/> stuck orders, past <paramref name="olderThan"/> or else their stage's deadline.</summary>
    Task<IReadOnlyList<StuckOrderView>> FindStuckAsync(TimeSpan? olderThan, int limit, CancellationToken cancellationToken);

    /// <summary>Nudges order <paramref name="orderId"/>; throws <see cref="Cli.OperatorException"/> naming what was wrong.</summary>
    Task<StuckOrderView> NudgeAsync(string orderId, CancellationToken cancellationToken);
}
