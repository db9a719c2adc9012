using OrderProcessing.Infra.Plan.Monitoring;

namespace OrderProcessing.Infra.Plan.Notifications;

/// <summary>
/// The topics of a stack and the one reader of the orders stream: <c>order-events</c>, fed by the stream pipe with one
/// envelope per state transition and subscribed to by every stage queue (and any other consumer); the operations topic
/// every alarm notifies, with the stack's e-mail subscriptions; and the dead-letter queue the pipe records undeliverable
/// stream records in.
/// </summary>
/// <param name="OrderEventsTopicName">Physical name of the order events topic.</param>
/// <param name="PipeName">The one pipe reading the orders stream.</param>
/// <param name="PipeRoleName">That pipe's role.</param>
/// <param name="PipeDeadLetterQueueName">Where the pipe records the stream records it could not deliver.</param>
/// <param name="FilterPattern">The pipe's filter: writes that carry the transition marker.</param>
/// <param name="InputTemplate">The published envelope.</param>
/// <param name="OperationsTopicName">Physical name of the operations topic.</param>
/// <param name="AlarmEmails">E-mail subscriptions of the operations topic.</param>
/// <param name="PipeDeadLetterAlarm">The alarm on the pipe's dead-letter queue.</param>
public sealed record NotificationsPlan(
    string OrderEventsTopicName,
    string PipeName,
    string PipeRoleName,
    string PipeDeadLetterQueueName,
    string FilterPattern,
    string InputTemplate,
    string OperationsTopicName,
    IReadOnlyList<string> AlarmEmails,
    AlarmDefinition PipeDeadLetterAlarm)
{
    /// <summary>
    /// Order events are encrypted with the AWS managed SNS key; the pipe publishes through its role, which that key's
    /// policy already allows within the account.
    /// </summary>
    public const string OrderEventsKmsKey = "alias/aws/sns";

    /// <summary>
    /// Where the pipe starts reading the stream: the oldest record still held (24 hours), so writes made before the pipe
    /// existed or while it was replaced are routed too. Stages are idempotent, so a record routed twice is harmless.
    /// </summary>
    public const string StartingPosition = "TRIM_HORIZON";

    /// <summary>Attempts before the pipe gives up on a stream record and records it in its dead-letter queue.</summary>
    public const int PipeMaximumRetryAttempts = 10;

    /// <summary>On a partial failure the pipe splits the batch to isolate the failing record.</summary>
    public const string PipeOnPartialBatchItemFailure = "AUTOMATIC_BISECT";
}
