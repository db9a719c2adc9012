using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Sweeping;
using OrderProcessing.Functions.Sweeping;
using OrderProcessing.Operations.Cli;

namespace OrderProcessing.Operations.Orders;

/// <summary>Orders in the stack's table, through the same <see cref="StuckOrderOperations"/> and DynamoDB adapter the sweeper function uses.</summary>
/// <param name="operations">The operations over the table.</param>
/// <param name="where">The table, for messages.</param>
public sealed class StoreOrderBackend(StuckOrderOperations operations, string where) : IOrderBackend
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StuckOrderView>> FindStuckAsync(TimeSpan? olderThan, int limit, CancellationToken cancellationToken)
    {
        var found = await AwsCalls.RunAsync("dynamodb:Query", where, () => operations.FindAsync(limit, olderThan, cancellationToken)).ConfigureAwait(false);
        return found.Select(Row).ToList();
    }

    /// <inheritdoc />
    public async Task<StuckOrderView> NudgeAsync(string orderId, CancellationToken cancellationToken)
    {
        try
        {
            return Row(await AwsCalls.RunAsync("dynamodb:UpdateItem", where, () => operations.NudgeAsync(orderId, cancellationToken)).ConfigureAwait(false));
        }
        catch (OrderNotFoundException e)
        {
            throw new OperatorException($"Unknown order '{orderId}': no such order in {where}.", e);
        }
        catch (Exception e) when (e is ConcurrencyConflictException or InvalidOperationException)
        {
            throw new OperatorException($"Order '{orderId}' was not nudged: {e.Message}", e);
        }
    }

    private static StuckOrderView Row(StuckOrder order) => StuckOrderView.Of(order);
}
