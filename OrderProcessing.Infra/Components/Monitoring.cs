using OrderProcessing.Infra.Plan.Monitoring;
using Pulumi;
using Aws = Pulumi.Aws;

namespace OrderProcessing.Infra.Components;

/// <summary>Alarms on every function and on the API, all notifying the operations topic, and the stack's dashboard.</summary>
public sealed class Monitoring : ComponentResource
{
    /// <summary>Creates the alarms and the dashboard.</summary>
    public Monitoring(string name, MonitoringArgs args, ComponentResourceOptions? options = null)
        : base(ComponentTypes.Monitoring, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.Plan;

        // Failed and throttled invocations of each function.
        foreach (var alarm in plan.FunctionAlarms)
        {
            _ = Alarms.Create($"{name}-{alarm.Subject}-{Suffix(alarm.Kind)}", alarm, args.AlarmTopicArn, this);
        }

        // An order the sweeper had to nudge a second time in the same status.
        _ = Alarms.Create($"{name}-stuck-orders", plan.StuckOrdersAlarm, args.AlarmTopicArn, this);

        // Requests the API answered with a 5xx.
        _ = Alarms.Create($"{name}-api-5xx", plan.Api.ServerErrorAlarm, args.AlarmTopicArn, this);

        // One page with the API, every function and every queue.
        var dashboard = new Aws.CloudWatch.Dashboard($"{name}-dashboard", new Aws.CloudWatch.DashboardArgs
        {
            DashboardName = plan.DashboardName,
            DashboardBody = args.Region.Apply(region => DashboardBody.Create(plan, region)),
        }, new CustomResourceOptions { Parent = this });

        DashboardName = dashboard.DashboardName;
        RegisterOutputs(new Dictionary<string, object?> { ["dashboardName"] = DashboardName });
    }

    /// <summary>The dashboard's name.</summary>
    public Output<string> DashboardName { get; }

    private static string Suffix(AlarmKind kind) => kind switch
    {
        AlarmKind.FunctionErrors => "errors",
        AlarmKind.FunctionThrottles => "throttles",
        _ => throw new InvalidOperationException($"{kind} is not a function alarm."),
    };
}
