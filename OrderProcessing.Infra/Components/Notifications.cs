using OrderProcessing.Infra.Plan.Iam;
using OrderProcessing.Infra.Plan.Notifications;
using OrderProcessing.Infra.Plan.Pipeline;
using Pulumi;
using Aws = Pulumi.Aws;

namespace OrderProcessing.Infra.Components;

/// <summary>
/// The stack's topics and the one reader of the orders stream: <c>order-events</c>, fed by the stream pipe with the
/// envelope of each state transition and subscribed to by every stage queue; the operations topic that every alarm
/// notifies and operators subscribe to by e-mail; and the pipe's dead-letter queue, kept apart from the stage queues' dead
/// letters so those can always be redriven to their stage.
/// </summary>
public sealed class Notifications : ComponentResource
{
    /// <summary>Creates the topics, the e-mail subscriptions and the stream pipe.</summary>
    public Notifications(string name, NotificationsArgs args, ComponentResourceOptions? options = null)
        : base(ComponentTypes.Notifications, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.Notifications;
        var parent = new CustomResourceOptions { Parent = this };

        // Alarms notify this topic. It is not KMS-encrypted: CloudWatch cannot publish to a topic under the AWS managed
        // SNS key, and alarm messages carry metric names, never customer data.
        var operations = new Aws.Sns.Topic($"{name}-operations", new Aws.Sns.TopicArgs
        {
            Name = plan.OperationsTopicName,
            DisplayName = "order-processing alarms",
        }, parent);

        foreach (var email in plan.AlarmEmails)
        {
            // One subscription per configured address; AWS e-mails a confirmation link first.
            _ = new Aws.Sns.TopicSubscription($"{name}-alarm-email-{email}", new Aws.Sns.TopicSubscriptionArgs
            {
                Topic = operations.Arn,
                Protocol = "email",
                Endpoint = email,
            }, parent);
        }

        // One envelope per state transition: the stage queues subscribe filtered by status, and so can anyone else who
        // needs to react (customer e-mails, analytics).
        var orderEvents = new Aws.Sns.Topic($"{name}-order-events", new Aws.Sns.TopicArgs
        {
            Name = plan.OrderEventsTopicName,
            KmsMasterKeyId = NotificationsPlan.OrderEventsKmsKey,
        }, parent);

        // Stream records the pipe could not publish after its retries: the record's shard and sequence numbers, for an operator.
        var deadLetterQueue = new Aws.Sqs.Queue($"{name}-pipes-dlq", new Aws.Sqs.QueueArgs
        {
            Name = plan.PipeDeadLetterQueueName,
            MessageRetentionSeconds = StagePlan.DeadLetterRetentionSeconds,
            SqsManagedSseEnabled = true,
        }, parent);

        // The one reader of the orders stream: publishes each state transition as the envelope rather than DynamoDB's typed record.
        _ = OrdersStreamPipe.Create($"{name}-order-events-pipe", new OrdersStreamPipeArgs
        {
            PipeName = plan.PipeName,
            RoleName = plan.PipeRoleName,
            Description = "Order transitions from the orders stream to the order-events topic",
            StreamArn = args.OrdersStreamArn,
            TargetArn = orderEvents.Arn,
            DeadLetterQueueArn = deadLetterQueue.Arn,
            FilterPattern = plan.FilterPattern,
            Policy = PipePolicies.ForOrderEvents,
            InputTemplate = plan.InputTemplate,
        }, this);

        // Pages operations when the pipe could not publish an order transition.
        _ = Alarms.Create($"{name}-pipes-dead-letters", plan.PipeDeadLetterAlarm, operations.Arn, this);

        OperationsTopicArn = operations.Arn;
        OrderEventsTopicArn = orderEvents.Arn;
        PipeDeadLetterQueueArn = deadLetterQueue.Arn;
        PipeDeadLetterQueueUrl = deadLetterQueue.Url;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["operationsTopicArn"] = OperationsTopicArn,
            ["orderEventsTopicArn"] = OrderEventsTopicArn,
            ["pipeDeadLetterQueueUrl"] = PipeDeadLetterQueueUrl,
        });
    }

    /// <summary>The topic every alarm notifies.</summary>
    public Output<string> OperationsTopicArn { get; }

    /// <summary>The topic order events are published to.</summary>
    public Output<string> OrderEventsTopicArn { get; }

    /// <summary>The ARN of the dead-letter queue the pipe records undeliverable stream records in.</summary>
    public Output<string> PipeDeadLetterQueueArn { get; }

    /// <summary>The URL of that queue.</summary>
    public Output<string> PipeDeadLetterQueueUrl { get; }
}
