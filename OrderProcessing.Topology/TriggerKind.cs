namespace OrderProcessing.Topology;

/// <summary>What invokes a function.</summary>
public enum TriggerKind
{
    /// <summary>API Gateway REST proxy events.</summary>
    Http,

    /// <summary>SQS batches from the stage's queue, fed by a pipe from the orders stream filtered on one new status.</summary>
    StageQueue,

    /// <summary>
    /// SQS batches from the function's own queue, subscribed to the order-events topic for several statuses: a subscriber
    /// beside the pipeline (customer e-mail) that reads orders but never moves one, so it can neither stall nor race a stage.
    /// </summary>
    EventQueue,

    /// <summary>
    /// A schedule (EventBridge Scheduler in AWS, a timer in the local host) invokes the function every
    /// <see cref="FunctionTrigger.Every"/>, with no queue: a periodic job over the stores (the stuck-order sweeper).
    /// </summary>
    Schedule,
}
