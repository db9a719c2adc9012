namespace OrderProcessing.Functions.Topology;

/// <summary>
/// One Lambda function as data: what the local host runs and what the Pulumi program deploys.
/// </summary>
/// <param name="Name">Short stable name (<c>api</c>, <c>reserve-inventory</c>, ...), used in resource names.</param>
/// <param name="Handler">The managed runtime's handler string, <c>Assembly::Namespace.Type::Method</c>.</param>
/// <param name="Trigger">What invokes it.</param>
/// <param name="MemoryMb">Configured memory.</param>
/// <param name="TimeoutSeconds">Invocation timeout; a stage queue's visibility timeout derives from it.</param>
/// <param name="BatchSize">SQS batch size for stage functions (ignored for HTTP).</param>
/// <param name="MaxReceiveCount">Receives before a message moves to the dead-letter queue (stage functions).</param>
/// <param name="Permissions">Exactly the actions and resources the function needs.</param>
/// <param name="Settings">Environment variables the function reads at start-up.</param>
public sealed record FunctionDefinition(
    string Name,
    string Handler,
    FunctionTrigger Trigger,
    int MemoryMb,
    int TimeoutSeconds,
    int BatchSize,
    int MaxReceiveCount,
    IReadOnlyList<PermissionGrant> Permissions,
    IReadOnlyList<string> Settings);
