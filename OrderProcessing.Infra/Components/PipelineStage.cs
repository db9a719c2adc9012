using OrderProcessing.Infra.Plan.Iam;
using OrderProcessing.Infra.Plan.Pipeline;
using Pulumi;
using Aws = Pulumi.Aws;

namespace OrderProcessing.Infra.Components;

/// <summary>
/// One pipeline stage, the same for every stage of the topology: the stage queue with its dead-letter queue, subscribed to
/// the <c>order-events</c> topic for the envelopes of orders entering the stage's status, the stage function consuming the
/// queue with a concurrency cap, an alarm on dead letters. The stage never reads the orders stream: the one pipe does.
/// </summary>
public sealed class PipelineStage : ComponentResource
{
    /// <summary>Creates the stage.</summary>
    public PipelineStage(string name, PipelineStageArgs args, ComponentResourceOptions? options = null)
        : base(ComponentTypes.PipelineStage, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var stage = args.Stage;
        var parent = new CustomResourceOptions { Parent = this };

        // Messages that failed every receive wait here for an operator instead of being dropped.
        var deadLetterQueue = new Aws.Sqs.Queue($"{name}-dlq", new Aws.Sqs.QueueArgs
        {
            Name = stage.DeadLetterQueueName,
            MessageRetentionSeconds = StagePlan.DeadLetterRetentionSeconds,
            SqsManagedSseEnabled = true,
        }, parent);

        // The stage's work queue, fed by its topic subscription; a message moves to the dead-letter queue after MaxReceiveCount receives.
        var queue = new Aws.Sqs.Queue($"{name}-queue", new Aws.Sqs.QueueArgs
        {
            Name = stage.QueueName,
            VisibilityTimeoutSeconds = stage.VisibilityTimeoutSeconds,
            MessageRetentionSeconds = StagePlan.MessageRetentionSeconds,
            SqsManagedSseEnabled = true,
            RedrivePolicy = deadLetterQueue.Arn.Apply(arn => RedrivePolicy.ToJson(arn, stage.MaxReceiveCount)),
        }, parent);

        // The stage function, with a role allowed to consume this queue and nothing else of the pipeline.
        var function = new LambdaFunction($"{name}-function", new LambdaFunctionArgs
        {
            Function = stage.Function,
            PackagePath = args.PackagePath,
            Environment = args.Environment,
            TableArns = args.TableArns,
            BucketArns = args.BucketArns,
            QueueArn = queue.Arn,
            MailArns = args.MailArns,
        }, new ComponentResourceOptions { Parent = this });

        // Batches from the queue to the alias; failed messages of a batch are reported, so only they are retried. The cap
        // keeps a backlog from taking the account's concurrency (and with it the API's).
        _ = new Aws.Lambda.EventSourceMapping($"{name}-trigger", new Aws.Lambda.EventSourceMappingArgs
        {
            EventSourceArn = queue.Arn,
            FunctionName = function.AliasArn,
            BatchSize = stage.BatchSize,
            FunctionResponseTypes = { StagePlan.ReportBatchItemFailures },
            ScalingConfig = new Aws.Lambda.Inputs.EventSourceMappingScalingConfigArgs { MaximumConcurrency = stage.MaximumConcurrency },
        }, new CustomResourceOptions { Parent = this, DependsOn = { function.Access } });

        // Lets the order events topic, and nothing else, deliver into the queue.
        var delivery = new Aws.Sqs.QueuePolicy($"{name}-queue-policy", new Aws.Sqs.QueuePolicyArgs
        {
            QueueUrl = queue.Url,
            Policy = Output.Tuple(queue.Arn, args.OrderEventsTopicArn).Apply(arns => QueuePolicies.AllowTopic(arns.Item1, arns.Item2).ToJson()),
        }, parent);

        // Routes the envelope of every order entering the stage's status into the queue, as the raw envelope JSON.
        _ = new Aws.Sns.TopicSubscription($"{name}-subscription", new Aws.Sns.TopicSubscriptionArgs
        {
            Topic = args.OrderEventsTopicArn,
            Protocol = StagePlan.SubscriptionProtocol,
            Endpoint = queue.Arn,
            RawMessageDelivery = StagePlan.RawMessageDelivery,
            FilterPolicyScope = StagePlan.FilterPolicyScope,
            FilterPolicy = stage.FilterPolicy,
        }, new CustomResourceOptions { Parent = this, DependsOn = { delivery } });

        // Pages the operations topic as soon as one message lands in the dead-letter queue.
        _ = Alarms.Create($"{name}-dead-letters", stage.DeadLetterAlarm, args.AlarmTopicArn, this);

        QueueName = queue.Name;
        QueueUrl = queue.Url;
        DeadLetterQueueName = deadLetterQueue.Name;
        DeadLetterQueueUrl = deadLetterQueue.Url;
        FunctionName = function.FunctionName;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["queueName"] = QueueName,
            ["deadLetterQueueName"] = DeadLetterQueueName,
            ["functionName"] = FunctionName,
        });
    }

    /// <summary>The stage queue's name.</summary>
    public Output<string> QueueName { get; }

    /// <summary>The stage queue's URL.</summary>
    public Output<string> QueueUrl { get; }

    /// <summary>The dead-letter queue's name.</summary>
    public Output<string> DeadLetterQueueName { get; }

    /// <summary>The dead-letter queue's URL, for inspecting and redriving messages.</summary>
    public Output<string> DeadLetterQueueUrl { get; }

    /// <summary>The stage function's name.</summary>
    public Output<string> FunctionName { get; }
}
