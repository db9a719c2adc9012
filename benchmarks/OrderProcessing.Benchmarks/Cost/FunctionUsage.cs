namespace OrderProcessing.Benchmarks.Cost;

/// <summary>What one function did per order in the cost sample.</summary>
/// <param name="Function">Topology name.</param>
/// <param name="MemoryMb">Configured memory (topology).</param>
/// <param name="InvocationsPerOrder">Invocations per order (one message per invocation).</param>
/// <param name="MeanDurationMs">Mean wall time of one invocation here, against dynalite and s3rver.</param>
/// <param name="MeanBilledMs">Mean of each invocation's duration rounded up to the millisecond, as Lambda bills.</param>
/// <param name="CpuMsPerInvocation">Process CPU time per invocation (user + system).</param>
/// <param name="LogBytesPerOrder">Bytes of log lines and metric documents written per order.</param>
/// <param name="Requests">AWS calls per order by operation, with DynamoDB capacity units.</param>
public sealed record FunctionUsage(
    string Function,
    int MemoryMb,
    double InvocationsPerOrder,
    double MeanDurationMs,
    double MeanBilledMs,
    double CpuMsPerInvocation,
    double LogBytesPerOrder,
    IReadOnlyList<OperationUsage> Requests);
