using OrderProcessing.Core.Orders;
using OrderProcessing.Infra.Plan.Functions;
using OrderProcessing.Infra.Plan.Monitoring;

namespace OrderProcessing.Infra.Plan.Pipeline;

/// <summary>
/// How one pipeline stage is deployed: a pipe from the orders stream, filtered on the status that starts the stage, into
/// the stage's queue; a dead-letter queue after <c>MaxReceiveCount</c> failed receives; the stage function consuming the
/// queue with partial batch failure reporting; an alarm on the dead-letter queue.
/// </summary>
/// <param name="Function">The stage function.</param>
/// <param name="Status">The status whose arrival starts the stage.</param>
/// <param name="QueueName">Physical stage queue name.</param>
/// <param name="DeadLetterQueueName">Physical dead-letter queue name.</param>
/// <param name="VisibilityTimeoutSeconds">How long a received message stays hidden: the topology's <see cref="OrderProcessing.Topology.FunctionDefinition.QueueVisibilityTimeoutSeconds"/>, which Core's settling period also derives from.</param>
/// <param name="MaxReceiveCount">Receives before a message moves to the dead-letter queue.</param>
/// <param name="BatchSize">Messages per invocation.</param>
/// <param name="PipeName">Physical pipe name.</param>
/// <param name="PipeRoleName">The pipe's role.</param>
/// <param name="FilterPattern">The pipe's filter: writes that leave the order in <see cref="Status"/>.</param>
/// <param name="DeadLetterAlarm">The alarm on the dead-letter queue.</param>
public sealed record StagePlan(
    FunctionPlan Function,
    OrderStatus Status,
    string QueueName,
    string DeadLetterQueueName,
    int VisibilityTimeoutSeconds,
    int MaxReceiveCount,
    int BatchSize,
    string PipeName,
    string PipeRoleName,
    string FilterPattern,
    AlarmDefinition DeadLetterAlarm)
{
    /// <summary>Four days: long enough to survive a weekend outage of a stage.</summary>
    public const int MessageRetentionSeconds = 4 * 24 * 3600;

    /// <summary>Fourteen days, SQS's maximum: dead letters wait for an operator.</summary>
    public const int DeadLetterRetentionSeconds = 14 * 24 * 3600;

    /// <summary>Where a pipe starts reading a new stream: only writes made after it exists.</summary>
    public const string StartingPosition = "LATEST";

    /// <summary>Attempts before a pipe gives up on a stream record and records it in the pipes' dead-letter queue.</summary>
    public const int PipeMaximumRetryAttempts = 10;

    /// <summary>On a partial failure the pipe splits the batch to isolate the failing record.</summary>
    public const string PipeOnPartialBatchItemFailure = "AUTOMATIC_BISECT";

    /// <summary>The response type that lets a stage report the messages of a batch that failed, so only those are retried.</summary>
    public const string ReportBatchItemFailures = "ReportBatchItemFailures";
}
