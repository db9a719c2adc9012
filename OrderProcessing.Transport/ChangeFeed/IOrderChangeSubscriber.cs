namespace OrderProcessing.Transport.ChangeFeed;

/// <summary>
/// Receives every change of the orders store. Called on the writer's thread right after the write succeeded, so an
/// implementation only hands the change over (to a queue) and never blocks or throws.
/// </summary>
public interface IOrderChangeSubscriber
{
    /// <summary>Takes one change.</summary>
    void OnChange(OrderChange change);
}
