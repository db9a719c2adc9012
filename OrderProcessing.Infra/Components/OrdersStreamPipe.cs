using OrderProcessing.Infra.Plan.Iam;
using OrderProcessing.Infra.Plan.Notifications;
using Pulumi;
using Aws = Pulumi.Aws;

namespace OrderProcessing.Infra.Components;

/// <summary>
/// The EventBridge pipe from the orders table's stream, through a filter, to one target, with a role of its own. The stack
/// has exactly one (DynamoDB Streams throttles more than two readers of a shard). Its resources are children of the
/// component that asks for it, named <c>{name}-role</c>, <c>{name}-access</c> and <c>{name}</c>, so each keeps the name
/// and parent (and URN) it had when the component built the pipe itself.
/// </summary>
internal static class OrdersStreamPipe
{
    /// <summary>Creates the pipe, its role and the role's access policy under <paramref name="parent"/>.</summary>
    public static Aws.Pipes.Pipe Create(string name, OrdersStreamPipeArgs args, ComponentResource parent)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new CustomResourceOptions { Parent = parent };

        // The pipe's own identity: read the orders stream, deliver to its target and to the pipes' dead-letter queue.
        var role = new Aws.Iam.Role($"{name}-role", new Aws.Iam.RoleArgs
        {
            Name = args.RoleName,
            Description = $"Role of pipe {args.PipeName}",
            AssumeRolePolicy = args.StreamArn.Apply(arn => TrustPolicies.Pipes(Arn.Parse(arn).Account).ToJson()),
        }, options);

        var access = new Aws.Iam.RolePolicy($"{name}-access", new Aws.Iam.RolePolicyArgs
        {
            Name = $"{args.PipeName}-access",
            Role = role.Id,
            Policy = Output.Tuple(args.StreamArn, args.TargetArn, args.DeadLetterQueueArn)
                .Apply(arns => args.Policy(arns.Item1, arns.Item2, arns.Item3).ToJson()),
        }, options);

        var pipe = new Aws.Pipes.PipeArgs
        {
            Name = args.PipeName,
            Description = args.Description,
            RoleArn = role.Arn,
            Source = args.StreamArn,
            Target = args.TargetArn,
            SourceParameters = new Aws.Pipes.Inputs.PipeSourceParametersArgs
            {
                DynamodbStreamParameters = new Aws.Pipes.Inputs.PipeSourceParametersDynamodbStreamParametersArgs
                {
                    StartingPosition = NotificationsPlan.StartingPosition,
                    MaximumRetryAttempts = NotificationsPlan.PipeMaximumRetryAttempts,
                    OnPartialBatchItemFailure = NotificationsPlan.PipeOnPartialBatchItemFailure,
                    DeadLetterConfig = new Aws.Pipes.Inputs.PipeSourceParametersDynamodbStreamParametersDeadLetterConfigArgs
                    {
                        Arn = args.DeadLetterQueueArn,
                    },
                },
                FilterCriteria = new Aws.Pipes.Inputs.PipeSourceParametersFilterCriteriaArgs
                {
                    Filters = { new Aws.Pipes.Inputs.PipeSourceParametersFilterCriteriaFilterArgs { Pattern = args.FilterPattern } },
                },
            },
        };
        if (args.InputTemplate is not null)
        {
            pipe.TargetParameters = new Aws.Pipes.Inputs.PipeTargetParametersArgs { InputTemplate = args.InputTemplate };
        }

        // Reads the stream from its oldest record (writes made before the pipe existed are routed too), retries a failing
        // batch by halves, and records what it finally cannot deliver; only records matching the filter reach the target.
        return new Aws.Pipes.Pipe(name, pipe, new CustomResourceOptions { Parent = parent, DependsOn = { access } });
    }
}
