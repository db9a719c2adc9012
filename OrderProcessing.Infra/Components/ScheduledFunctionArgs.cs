using System.Collections.Immutable;
using OrderProcessing.Infra.Plan.Scheduling;
using Pulumi;

namespace OrderProcessing.Infra.Components;

/// <summary>Inputs of a <see cref="ScheduledFunction"/>.</summary>
public sealed class ScheduledFunctionArgs
{
    /// <summary>The schedule and the function it invokes.</summary>
    public required SchedulePlan Schedule { get; init; }

    /// <summary>Path of the Lambda package (the zipped <c>bootstrap</c>).</summary>
    public required string PackagePath { get; init; }

    /// <summary>The function's environment.</summary>
    public required InputMap<string> Environment { get; init; }

    /// <summary>Table ARNs by logical name.</summary>
    public required Output<ImmutableDictionary<string, string>> TableArns { get; init; }

    /// <summary>Bucket ARNs by logical name.</summary>
    public required Output<ImmutableDictionary<string, string>> BucketArns { get; init; }
}
