using OrderProcessing.Infra.Plan.Iam;
using OrderProcessing.Infra.Plan.Pipeline;
using Pulumi;
using Aws = Pulumi.Aws;

namespace OrderProcessing.Infra.Components;

/// <summary>
/// One pipeline stage, the same for every stage of the topology: a pipe from the orders stream filtered on the stage's
/// status, the stage queue with its dead-letter queue, the stage function consuming the queue, an alarm on dead letters.
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

        // The stage's work queue, fed by the pipe; a message moves to the dead-letter queue after MaxReceiveCount receives.
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
            CodePath = args.CodePath,
            Environment = args.Environment,
            TableArns = args.TableArns,
            BucketArns = args.BucketArns,
            QueueArn = queue.Arn,
        }, new ComponentResourceOptions { Parent = this });

        // Batches from the queue to the alias; failed messages of a batch are reported, so only they are retried.
        _ = new Aws.Lambda.EventSourceMapping($"{name}-trigger", new Aws.Lambda.EventSourceMappingArgs
        {
            EventSourceArn = queue.Arn,
            FunctionName = function.AliasArn,
            BatchSize = stage.BatchSize,
            FunctionResponseTypes = { StagePlan.ReportBatchItemFailures },
        }, new CustomResourceOptions { Parent = this, DependsOn = { function.Access } });

        // Routes each order write that enters the stage's status from the stream to the stage queue.
        _ = OrdersStreamPipe.Create($"{name}-pipe", new OrdersStreamPipeArgs
        {
            PipeName = stage.PipeName,
            RoleName = stage.PipeRoleName,
            Description = $"Orders entering {stage.Status} to {stage.QueueName}",
            StreamArn = args.OrdersStreamArn,
            TargetArn = queue.Arn,
            DeadLetterQueueArn = args.PipeDeadLetterQueueArn,
            FilterPattern = stage.FilterPattern,
            Policy = PipePolicies.ForStage,
        }, this);

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
