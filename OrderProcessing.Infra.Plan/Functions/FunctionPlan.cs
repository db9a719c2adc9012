using OrderProcessing.Topology;

namespace OrderProcessing.Infra.Plan.Functions;

/// <summary>How one function of the topology is deployed.</summary>
/// <param name="Definition">The function as the topology declares it.</param>
/// <param name="Name">Physical function name.</param>
/// <param name="RoleName">Its own execution role.</param>
/// <param name="LogGroupName">Its log group.</param>
/// <param name="AliasName">The alias every trigger invokes; it points at the version the last deployment published (see
/// <see cref="LiveAlias"/>).</param>
/// <param name="MemoryMb">Memory, after the stack's overrides.</param>
/// <param name="LogRetentionDays">How long its logs are kept.</param>
/// <param name="ReservedConcurrency">Concurrent executions reserved for it (the API, from the stack setting); null for
/// stage functions, whose queue triggers are capped instead (<see cref="OrderProcessing.Topology.FunctionDefinition.MaximumConcurrency"/>).</param>
public sealed record FunctionPlan(
    FunctionDefinition Definition,
    string Name,
    string RoleName,
    string LogGroupName,
    string AliasName,
    int MemoryMb,
    int LogRetentionDays,
    int? ReservedConcurrency)
{
    /// <summary>
    /// The alias every trigger invokes (the API's integration and permission, the queues' event source mappings). It moves
    /// to a version only once that version holds the new code and the new configuration together: a deployment updates
    /// <c>$LATEST</c>'s configuration and its code in two calls, and <c>$LATEST</c> serves whatever is in between (a new
    /// handler with the old executable). It also makes a rollback one call (<c>aws lambda update-alias</c>), which matters
    /// more without SnapStart: publishing a version no longer starts the code, so a broken executable is only found by
    /// traffic.
    /// </summary>
    public const string LiveAlias = "live";

    /// <summary>
    /// The OS-only runtime on Amazon Linux 2023: Lambda starts the package's <see cref="LambdaArtifact.Executable"/>, the
    /// Native AOT build of every function, which serves the function named by <c>_HANDLER</c>. The managed <c>dotnet10</c>
    /// runtime is gone, as nothing measured favours it: issue 13's probe measured a first response of 15 ms under Native AOT
    /// against 180 ms for the ReadyToRun build that runtime ran, and 20 MB peak memory against 63 MB.
    /// </summary>
    public const string Runtime = "provided.al2023";

    /// <summary>
    /// The instruction set <see cref="LambdaArtifact.Executable"/> is compiled for (<c>-r linux-x64</c>). A constant, not a
    /// setting: Native AOT links with the build machine's native toolchain, and no arm64 one is installed where the
    /// functions are built; <see cref="LambdaArtifact.Locate"/> refuses an executable of another machine.
    /// </summary>
    public const string Architecture = "x86_64";

    /// <summary>Log format: JSON lines, queryable in CloudWatch Logs Insights.</summary>
    public const string LogFormat = "JSON";

    /// <summary>X-Ray tracing mode.</summary>
    public const string TracingMode = "Active";

    /// <summary>The name of the inline policy holding the function's grants.</summary>
    public string PolicyName => $"{Definition.Name}-access";
}
