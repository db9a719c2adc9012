using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Core.Pipeline;

/// <summary>
/// The shape every pipeline stage shares: load the order, act only if it is still in the status this stage handles
/// (a redelivered or stale message for an order in another status is settled and skipped), let the stage act, write the
/// transition it made conditionally on the version read, and settle if that write lost a race (or retry, when the
/// order is still in this stage's status: a same-status write got in between and sends no new message). A concrete stage keeps
/// only its own decision (<see cref="ActAsync"/>) and, where it has any, its settling and after-write steps.
/// </summary>
public abstract class OrderStage : IOrderStage
{
    /// <summary>Creates the stage for orders in <paramref name="handledStatus"/>, reading and writing them through <paramref name="orders"/>.</summary>
    protected OrderStage(IOrderRepository orders, OrderStatus handledStatus)
    {
        ArgumentNullException.ThrowIfNull(orders);
        Orders = orders;
        HandledStatus = handledStatus;
    }

    /// <summary>The status whose orders this stage acts on: the status the topology routes to it.</summary>
    public OrderStatus HandledStatus { get; }

    /// <summary>The order store.</summary>
    protected IOrderRepository Orders { get; }

    /// <inheritdoc />
    public async Task<StageOutcome> HandleAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        var order = await Orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (order is null)
        {
            return await OnMissingAsync(orderId, cancellationToken).ConfigureAwait(false);
        }

        if (order.Status != HandledStatus)
        {
            return await SettleAsync(order, cancellationToken).ConfigureAwait(false);
        }

        var detail = await ActAsync(order, cancellationToken).ConfigureAwait(false);
        if (order.Status == HandledStatus)
        {
            // The stage's work needs no transition of its own (compensation): nothing to write.
            return StageOutcome.Skipped(orderId, detail);
        }

        try
        {
            await Orders.UpdateAsync(order, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException e)
        {
            var current = await Orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
            if (current?.Status == HandledStatus)
            {
                // A write that kept the status (an operator's touch) got in between. It sends no new message to this
                // stage, so only this one can still move the order: retry it (the stage's work is idempotent).
                throw new TransientFailureException($"Order '{orderId}' was rewritten in {HandledStatus.ToWire()} while the stage acted; retrying.", e);
            }

            return current is null ? StageOutcome.Skipped(orderId, "order deleted meanwhile") : await SettleAsync(current, cancellationToken).ConfigureAwait(false);
        }

        await AfterWriteAsync(order, cancellationToken).ConfigureAwait(false);
        return StageOutcome.Moved(orderId, order.Status, detail);
    }

    /// <summary>
    /// Does the stage's work on an order in <see cref="HandledStatus"/> and moves it to its next status (the base writes
    /// that move); returns the outcome's detail. A stage that leaves the status as it is writes nothing.
    /// </summary>
    protected abstract Task<string> ActAsync(Order order, CancellationToken cancellationToken);

    /// <summary>The order no longer exists. By default there is nothing to do.</summary>
    protected virtual Task<StageOutcome> OnMissingAsync(string orderId, CancellationToken cancellationToken) =>
        Task.FromResult(StageOutcome.Skipped(orderId, "order no longer exists"));

    /// <summary>
    /// The order has moved on without this stage (a duplicate delivery won, a stale message, a concurrent cancel). By
    /// default it is left as it is; a stage whose side effects may outlive such a race undoes them here.
    /// </summary>
    protected virtual Task<StageOutcome> SettleAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Task.FromResult(StageOutcome.Skipped(order.OrderId, $"order is already {order.Status.ToWire()}"));
    }

    /// <summary>Runs once the stage's transition is stored: a step that must never run on the strength of an unstored decision.</summary>
    protected virtual Task AfterWriteAsync(Order order, CancellationToken cancellationToken) => Task.CompletedTask;
}
