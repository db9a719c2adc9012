using OrderProcessing.Topology;

namespace OrderProcessing.Infra.Plan.Functions;

/// <summary>How one function of the topology is deployed.</summary>
/// <param name="Definition">The function as the topology declares it.</param>
/// <param name="Name">Physical function name.</param>
/// <param name="RoleName">Its own execution role.</param>
/// <param name="LogGroupName">Its log group.</param>
/// <param name="AliasName">The alias every trigger invokes; it points at the latest published version, so SnapStart applies.</param>
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
    /// <summary>The alias every trigger invokes.</summary>
    public const string LiveAlias = "live";

    /// <summary>The managed runtime.</summary>
    public const string Runtime = "dotnet10";

    /// <summary>The instruction set the ReadyToRun build targets (<c>-r linux-x64</c>).</summary>
    public const string Architecture = "x86_64";

    /// <summary>Log format: JSON lines, queryable in CloudWatch Logs Insights.</summary>
    public const string LogFormat = "JSON";

    /// <summary>X-Ray tracing mode.</summary>
    public const string TracingMode = "Active";

    /// <summary>SnapStart setting: snapshot each published version.</summary>
    public const string SnapStartApplyOn = "PublishedVersions";

    /// <summary>The name of the inline policy holding the function's grants.</summary>
    public string PolicyName => $"{Definition.Name}-access";
}
