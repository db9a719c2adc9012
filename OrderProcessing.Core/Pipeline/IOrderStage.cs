namespace OrderProcessing.Core.Pipeline;

/// <summary>
/// One pipeline stage. It acts on the order's current stored state, not on the message that woke it, so redelivered and
/// reordered messages are harmless; every side effect is idempotent and the transition is conditional.
/// </summary>
public interface IOrderStage
{
    /// <summary>Processes the order; throws on failures that should be retried.</summary>
    Task<StageOutcome> HandleAsync(string orderId, CancellationToken cancellationToken = default);
}
