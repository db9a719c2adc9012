using OrderProcessing.Infra.Plan.Iam;
using Pulumi;

namespace OrderProcessing.Infra.Components;

/// <summary>Arguments of <see cref="OrdersStreamPipe"/>.</summary>
internal sealed class OrdersStreamPipeArgs
{
    /// <summary>Physical pipe name.</summary>
    public required string PipeName { get; init; }

    /// <summary>Physical name of the pipe's role.</summary>
    public required string RoleName { get; init; }

    /// <summary>What the pipe carries, as the console shows it.</summary>
    public required string Description { get; init; }

    /// <summary>The orders table's stream, the pipe's source.</summary>
    public required Output<string> StreamArn { get; init; }

    /// <summary>Where matching records go: the order events topic.</summary>
    public required Output<string> TargetArn { get; init; }

    /// <summary>Where the pipe records stream records it could not deliver after its retries.</summary>
    public required Output<string> DeadLetterQueueArn { get; init; }

    /// <summary>The pipe's filter on stream records (from <c>StreamFilters</c>).</summary>
    public required string FilterPattern { get; init; }

    /// <summary>The role's access policy from the stream, target and dead-letter queue ARNs (one of <see cref="PipePolicies"/>).</summary>
    public required Func<string, string, string, PolicyDocument> Policy { get; init; }

    /// <summary>The message sent to the target instead of the stream record; the record itself when null.</summary>
    public string? InputTemplate { get; init; }
}
