using OrderProcessing.Core.Orders;
using OrderProcessing.Infra.Plan.Functions;
using OrderProcessing.Infra.Plan.Monitoring;

namespace OrderProcessing.Infra.Plan.Pipeline;

/// <summary>
/// How one queue-fed function (a pipeline stage, or an event subscriber such as the customer e-mail) is deployed: the stage's queue subscribed to the <c>order-events</c> topic with raw delivery and
/// a filter policy on the status that starts the stage; a dead-letter queue after <c>MaxReceiveCount</c> failed receives;
/// the stage function consuming the queue with partial batch failure reporting and a concurrency cap; an alarm on the
/// dead-letter queue. No stage reads the orders stream itself: the one stream pipe feeds the topic.
/// </summary>
/// <param name="Function">The stage function.</param>
/// <param name="Statuses">The statuses whose arrival feeds the queue: a stage's one, an event subscriber's several.</param>
/// <param name="QueueName">Physical stage queue name.</param>
/// <param name="DeadLetterQueueName">Physical dead-letter queue name.</param>
/// <param name="VisibilityTimeoutSeconds">How long a received message stays hidden: the topology's <see cref="OrderProcessing.Topology.FunctionDefinition.QueueVisibilityTimeoutSeconds"/>, which Core's settling period also derives from.</param>
/// <param name="MaxReceiveCount">Receives before a message moves to the dead-letter queue.</param>
/// <param name="BatchSize">Messages per invocation.</param>
/// <param name="MaximumConcurrency">The most concurrent invocations the queue trigger starts: the topology's <see cref="OrderProcessing.Topology.FunctionDefinition.MaximumConcurrency"/>.</param>
/// <param name="FilterPolicy">The subscription's filter policy on the envelope: exactly <see cref="Statuses"/>.</param>
/// <param name="DeadLetterAlarm">The alarm on the dead-letter queue.</param>
public sealed record StagePlan(
    FunctionPlan Function,
    IReadOnlyList<OrderStatus> Statuses,
    string QueueName,
    string DeadLetterQueueName,
    int VisibilityTimeoutSeconds,
    int MaxReceiveCount,
    int BatchSize,
    int MaximumConcurrency,
    string FilterPolicy,
    AlarmDefinition DeadLetterAlarm)
{
    /// <summary>Four days: long enough to survive a weekend outage of a stage.</summary>
    public const int MessageRetentionSeconds = 4 * 24 * 3600;

    /// <summary>Fourteen days, SQS's maximum: dead letters wait for an operator.</summary>
    public const int DeadLetterRetentionSeconds = 14 * 24 * 3600;

    /// <summary>The response type that lets a stage report the messages of a batch that failed, so only those are retried.</summary>
    public const string ReportBatchItemFailures = "ReportBatchItemFailures";

    /// <summary>Lambda's bounds on an SQS trigger's <c>ScalingConfig.MaximumConcurrency</c>.</summary>
    public const int MinimumConcurrencyCap = 2;

    /// <summary>The upper bound; more needs a quota increase.</summary>
    public const int MaximumConcurrencyCap = 1000;

    /// <summary>The subscription protocol: SNS delivers into the stage's SQS queue.</summary>
    public const string SubscriptionProtocol = "sqs";

    /// <summary>The subscription filters on the message body (the envelope), not on message attributes (the pipe sets none).</summary>
    public const string FilterPolicyScope = "MessageBody";

    /// <summary>Raw delivery: the SQS body is the envelope itself, not SNS's JSON wrapper around it.</summary>
    public const bool RawMessageDelivery = true;
}
