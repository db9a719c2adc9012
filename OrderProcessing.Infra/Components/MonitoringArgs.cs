using OrderProcessing.Infra.Plan;
using Pulumi;

namespace OrderProcessing.Infra.Components;

/// <summary>Arguments of <see cref="Monitoring"/>.</summary>
public sealed class MonitoringArgs
{
    /// <summary>The stack's plan: its function alarms, API alarm and dashboard.</summary>
    public required DeploymentPlan Plan { get; init; }

    /// <summary>The operations topic every alarm notifies.</summary>
    public required Output<string> AlarmTopicArn { get; init; }

    /// <summary>The region the stack is deployed to (dashboard widgets must name it).</summary>
    public required Output<string> Region { get; init; }
}
