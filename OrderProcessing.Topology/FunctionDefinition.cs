namespace OrderProcessing.Topology;

/// <summary>
/// One Lambda function as data: what the local host runs and what the Pulumi program deploys.
/// </summary>
/// <param name="Name">Short stable name (<c>api</c>, <c>reserve-inventory</c>, ...), used in resource names.</param>
/// <param name="Trigger">What invokes it.</param>
/// <param name="MemoryMb">Configured memory.</param>
/// <param name="TimeoutSeconds">Invocation timeout; a stage queue's visibility timeout derives from it.</param>
/// <param name="BatchSize">SQS batch size for stage functions (ignored for HTTP).</param>
/// <param name="MaxReceiveCount">Receives before a message moves to the dead-letter queue (stage functions).</param>
/// <param name="Permissions">Exactly the actions and resources the function needs.</param>
/// <param name="Settings">Environment variables the function requires at start-up; a missing one stops it with a message naming it.</param>
public sealed record FunctionDefinition(
    string Name,
    FunctionTrigger Trigger,
    int MemoryMb,
    int TimeoutSeconds,
    int BatchSize,
    int MaxReceiveCount,
    IReadOnlyList<PermissionGrant> Permissions,
    IReadOnlyList<string> Settings)
{
    /// <summary>
    /// AWS asks for a visibility timeout of at least six times the function timeout on a queue that triggers a function,
    /// so a message is not handed to a second invocation while the first still works on it.
    /// </summary>
    public const int VisibilityTimeoutFactor = 6;

    /// <summary>Environment variables the function reads when present and does without otherwise (see <see cref="SettingNames"/>).</summary>
    public IReadOnlyList<string> OptionalSettings { get; init; } = [];

    /// <summary>
    /// The most concurrent invocations the stage's queue trigger starts (Lambda's <c>ScalingConfig.MaximumConcurrency</c>,
    /// 2 to 1000), so a backlog cannot take the account's concurrency from the API; 0 for HTTP functions.
    /// </summary>
    public int MaximumConcurrency { get; init; }

    /// <summary>Visibility timeout of the stage's queue, derived from <see cref="TimeoutSeconds"/>; 0 for HTTP functions.</summary>
    public int QueueVisibilityTimeoutSeconds => Trigger.IsQueue ? TimeoutSeconds * VisibilityTimeoutFactor : 0;

    /// <summary>
    /// The longest one message of the function's queue can live before it is dead-lettered: the receive limit times the
    /// visibility timeout (every receive may time out before the next). An order that sits in a stage's status longer than
    /// this has no live message left for it (it was lost, or dead-lettered), so this is the stage's deadline for the
    /// stuck-order sweeper. Zero for functions without a queue.
    /// </summary>
    public TimeSpan MessageLifetime => TimeSpan.FromSeconds((long)MaxReceiveCount * QueueVisibilityTimeoutSeconds);

    /// <summary>
    /// Stage functions answer <c>{"batchItemFailures": [...]}</c>, so the event source mapping must enable
    /// <c>ReportBatchItemFailures</c>; without it a partial failure would be read as success and messages lost.
    /// </summary>
    public bool ReportsBatchItemFailures => Trigger.IsQueue;

    /// <summary>
    /// The function's <c>_HANDLER</c> value: its <see cref="Name"/>. Every function ships as the one Native AOT
    /// <c>bootstrap</c> executable on <c>provided.al2023</c>, which reads <c>_HANDLER</c> to pick the function to run.
    /// </summary>
    public string Handler => Name;
}
