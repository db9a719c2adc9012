using OrderProcessing.Infra.Plan.Monitoring;

namespace OrderProcessing.Infra.Plan.Notifications;

/// <summary>
/// The topics of a stack: <c>order-events</c>, fed by a pipe from the orders stream with every emitted domain event, and
/// the operations topic every alarm notifies, with the stack's e-mail subscriptions; and the dead-letter queue every pipe
/// (the stages' and the order events') records undeliverable stream records in.
/// </summary>
/// <param name="OrderEventsTopicName">Physical name of the order events topic.</param>
/// <param name="PipeName">The pipe publishing order events.</param>
/// <param name="PipeRoleName">That pipe's role.</param>
/// <param name="PipeDeadLetterQueueName">Where every pipe records the stream records it could not deliver.</param>
/// <param name="FilterPattern">The pipe's filter: writes that carry an event.</param>
/// <param name="InputTemplate">The published message.</param>
/// <param name="OperationsTopicName">Physical name of the operations topic.</param>
/// <param name="AlarmEmails">E-mail subscriptions of the operations topic.</param>
/// <param name="PipeDeadLetterAlarm">The alarm on the pipes' dead-letter queue.</param>
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
}
