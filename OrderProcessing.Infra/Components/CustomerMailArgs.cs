using OrderProcessing.Infra.Plan.Notifications;
using Pulumi;

namespace OrderProcessing.Infra.Components;

/// <summary>Inputs of <see cref="CustomerMail"/>.</summary>
public sealed class CustomerMailArgs
{
    /// <summary>The identity, configuration set and event destination to create.</summary>
    public required CustomerMailPlan Mail { get; init; }

    /// <summary>The operations topic bounces and complaints go to.</summary>
    public required Output<string> OperationsTopicArn { get; init; }
}
