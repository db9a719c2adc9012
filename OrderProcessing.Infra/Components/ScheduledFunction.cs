using Pulumi;
using Aws = Pulumi.Aws;

namespace OrderProcessing.Infra.Components;

/// <summary>
/// A function the clock invokes (the stuck-order sweeper): the function, an EventBridge rule at the plan's rate, the rule's
/// target (the function's live alias), and the permission that lets only that rule invoke it.
/// </summary>
public sealed class ScheduledFunction : ComponentResource
{
    /// <summary>Creates the function and its schedule.</summary>
    public ScheduledFunction(string name, ScheduledFunctionArgs args, ComponentResourceOptions? options = null)
        : base(ComponentTypes.ScheduledFunction, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.Schedule;
        var parent = new CustomResourceOptions { Parent = this };

        // The function, with the role its topology entry grants.
        var function = new LambdaFunction($"{name}-function", new LambdaFunctionArgs
        {
            Function = plan.Function,
            PackagePath = args.PackagePath,
            Environment = args.Environment,
            TableArns = args.TableArns,
            BucketArns = args.BucketArns,
        }, new ComponentResourceOptions { Parent = this });

        // The clock: a rule on the default bus at a fixed rate.
        var rule = new Aws.CloudWatch.EventRule($"{name}-schedule", new Aws.CloudWatch.EventRuleArgs
        {
            Name = plan.RuleName,
            Description = $"Invokes {plan.Function.Name} {plan.ScheduleExpression}",
            ScheduleExpression = plan.ScheduleExpression,
        }, parent);

        // Invokes the live alias with the schedule's event; a failed run is the function's error alarm, and the next tick runs again.
        _ = new Aws.CloudWatch.EventTarget($"{name}-target", new Aws.CloudWatch.EventTargetArgs
        {
            Rule = rule.Name,
            Arn = function.AliasArn,
        }, parent);

        // Lets EventBridge invoke the alias, for this rule only.
        _ = new Aws.Lambda.Permission($"{name}-invoke", new Aws.Lambda.PermissionArgs
        {
            Action = "lambda:InvokeFunction",
            Function = function.FunctionName,
            Qualifier = function.AliasName,
            Principal = "events.amazonaws.com",
            SourceArn = rule.Arn,
        }, parent);

        FunctionName = function.FunctionName;
        RuleName = rule.Name;
        RegisterOutputs(new Dictionary<string, object?> { ["functionName"] = FunctionName, ["ruleName"] = RuleName });
    }

    /// <summary>The function's physical name.</summary>
    public Output<string> FunctionName { get; }

    /// <summary>The rule's name.</summary>
    public Output<string> RuleName { get; }
}
