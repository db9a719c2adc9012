namespace OrderProcessing.Topology;

/// <summary>What invokes a function.</summary>
public enum TriggerKind
{
    /// <summary>API Gateway REST proxy events.</summary>
    Http,

    /// <summary>SQS batches from the stage's queue, fed by a pipe from the orders stream filtered on one new status.</summary>
    StageQueue,
}
