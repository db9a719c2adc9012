using System.Collections.Immutable;
using OrderProcessing.Infra.Plan.Pipeline;
using Pulumi;

namespace OrderProcessing.Infra.Components;

/// <summary>Arguments of <see cref="PipelineStage"/>.</summary>
public sealed class PipelineStageArgs
{
    /// <summary>The stage to deploy.</summary>
    public required StagePlan Stage { get; init; }

    /// <summary>The deployment package every function runs (<see cref="OrderProcessing.Infra.Plan.Functions.LambdaArtifact.Package"/>).</summary>
    public required string PackagePath { get; init; }

    /// <summary>The stage function's environment variables.</summary>
    public required InputMap<string> Environment { get; init; }

    /// <summary>Table ARN by logical name.</summary>
    public required Output<ImmutableDictionary<string, string>> TableArns { get; init; }

    /// <summary>Bucket ARN by logical name.</summary>
    public required Output<ImmutableDictionary<string, string>> BucketArns { get; init; }

    /// <summary>The order events topic the stage queue subscribes to.</summary>
    public required Output<string> OrderEventsTopicArn { get; init; }

    /// <summary>The operations topic the dead-letter alarm notifies.</summary>
    public required Output<string> AlarmTopicArn { get; init; }

    /// <summary>The SES identity and configuration set ARNs, for the customer mail function; null for the stages.</summary>
    public Output<(string Identity, string ConfigurationSet)>? MailArns { get; init; }
}
