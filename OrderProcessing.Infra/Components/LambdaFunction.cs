using OrderProcessing.Infra.Plan.Functions;
using OrderProcessing.Infra.Plan.Iam;
using Pulumi;
using Aws = Pulumi.Aws;

namespace OrderProcessing.Infra.Components;

/// <summary>
/// One function of the topology: its own role with exactly its grants, its log group, the function (the Native AOT
/// executable on the OS-only runtime, serving the handler <c>_HANDLER</c> names) with X-Ray and JSON logs, and the alias
/// every trigger invokes.
/// </summary>
public sealed class LambdaFunction : ComponentResource
{
    /// <summary>Creates the function and everything it runs with.</summary>
    public LambdaFunction(string name, LambdaFunctionArgs args, ComponentResourceOptions? options = null)
        : base(ComponentTypes.LambdaFunction, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.Function;
        var definition = plan.Definition;
        var parent = new CustomResourceOptions { Parent = this };

        // The function's own identity: nothing else shares it, so its grants are exactly its topology permissions.
        var role = new Aws.Iam.Role($"{name}-role", new Aws.Iam.RoleArgs
        {
            Name = plan.RoleName,
            Description = $"Execution role of {plan.Name}",
            AssumeRolePolicy = TrustPolicies.Lambda().ToJson(),
        }, parent);

        // Created here rather than by Lambda, so retention is set and the role needs no logs:CreateLogGroup.
        var logGroup = new Aws.CloudWatch.LogGroup($"{name}-logs", new Aws.CloudWatch.LogGroupArgs
        {
            Name = plan.LogGroupName,
            RetentionInDays = plan.LogRetentionDays,
        }, parent);

        // The SES ARNs only for the function that sends customer e-mail; a grant without them fails the plan.
        (string? Identity, string? ConfigurationSet) noMail = (null, null);
        var mailArns = args.MailArns?.Apply(a => ((string?)a.Identity, (string?)a.ConfigurationSet)) ?? Output.Create(noMail);
        string? noQueue = null;
        var queueArn = args.QueueArn?.Apply(arn => (string?)arn) ?? Output.Create(noQueue);
        // Exactly the grants of the topology, each scoped to deployed ARNs, plus the function's own log streams.
        var access = new Aws.Iam.RolePolicy($"{name}-access", new Aws.Iam.RolePolicyArgs
        {
            Name = plan.PolicyName,
            Role = role.Id,
            Policy = Output.Tuple(args.TableArns, args.BucketArns, logGroup.Arn, queueArn, mailArns).Apply(arns =>
                FunctionPolicies.For(definition, new ResourceArns(arns.Item1, arns.Item2, arns.Item3, arns.Item4) { MailIdentity = arns.Item5.Item1, MailConfigurationSet = arns.Item5.Item2 }).ToJson()),
        }, parent);

        // X-Ray segment upload cannot be scoped to a resource: AWS's managed policy rather than a statement on "*".
        var tracing = new Aws.Iam.RolePolicyAttachment($"{name}-xray", new Aws.Iam.RolePolicyAttachmentArgs
        {
            Role = role.Name,
            PolicyArn = ManagedPolicies.XRayDaemonWriteAccess,
        }, parent);

        // The function; every change publishes a version, which the alias then moves to.
        var function = new Aws.Lambda.Function($"{name}-function", new Aws.Lambda.FunctionArgs
        {
            Name = plan.Name,
            Description = $"{definition.Name} ({definition.Trigger.Kind})",
            Role = role.Arn,
            // The plan's string (the input takes a string or the generated enum), so plan and program name one value.
            Runtime = FunctionPlan.Runtime,
            // On an OS-only runtime the handler is only passed on, as _HANDLER: the topology name the executable dispatches on.
            Handler = definition.Handler,
            // The zip LambdaArtifact.Package wrote, uploaded byte for byte; a folder would be re-zipped without file modes.
            Code = new FileArchive(args.PackagePath),
            Architectures = { FunctionPlan.Architecture },
            MemorySize = plan.MemoryMb,
            Timeout = definition.TimeoutSeconds,
            Publish = true,
            // The API's reserved concurrency: always available to it, whatever the stages' backlog; stages are capped on their triggers.
            ReservedConcurrentExecutions = plan.ReservedConcurrency is int reserved ? (Input<int>)reserved : null,
            TracingConfig = new Aws.Lambda.Inputs.FunctionTracingConfigArgs { Mode = FunctionPlan.TracingMode },
            LoggingConfig = new Aws.Lambda.Inputs.FunctionLoggingConfigArgs
            {
                LogFormat = FunctionPlan.LogFormat,
                LogGroup = logGroup.Name,
                ApplicationLogLevel = "INFO",
                SystemLogLevel = "INFO",
            },
            Environment = new Aws.Lambda.Inputs.FunctionEnvironmentArgs { Variables = args.Environment },
        }, new CustomResourceOptions { Parent = this, DependsOn = { logGroup, access, tracing } });

        // Triggers invoke the alias, never $LATEST: it moves only once a version holds the new code and configuration
        // together, and rolling back is pointing it at the previous version (FunctionPlan.LiveAlias says why it stays
        // without SnapStart).
        var alias = new Aws.Lambda.Alias($"{name}-alias", new Aws.Lambda.AliasArgs
        {
            Name = plan.AliasName,
            FunctionName = function.Name,
            FunctionVersion = function.Version,
        }, parent);

        FunctionName = function.Name;
        AliasName = alias.Name;
        AliasArn = alias.Arn;
        AliasInvokeArn = alias.InvokeArn;
        RoleArn = role.Arn;
        Access = access;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["functionName"] = FunctionName,
            ["aliasArn"] = AliasArn,
            ["roleArn"] = RoleArn,
        });
    }

    /// <summary>The physical function name.</summary>
    public Output<string> FunctionName { get; }

    /// <summary>The alias name.</summary>
    public Output<string> AliasName { get; }

    /// <summary>The ARN of the alias triggers invoke.</summary>
    public Output<string> AliasArn { get; }

    /// <summary>The alias ARN in the form API Gateway integrations need.</summary>
    public Output<string> AliasInvokeArn { get; }

    /// <summary>The execution role's ARN.</summary>
    public Output<string> RoleArn { get; }

    /// <summary>The role's inline policy; triggers that Lambda validates against the role (SQS) wait for it.</summary>
    public Aws.Iam.RolePolicy Access { get; }
}
