using OrderProcessing.Topology;

namespace OrderProcessing.Operations.Targets;

/// <summary>A stage's queue and dead-letter queue on the target.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Queue">Its queue.</param>
/// <param name="DeadLetterQueue">Its dead-letter queue.</param>
public sealed record StageQueues(FunctionDefinition Stage, QueueAddress Queue, QueueAddress DeadLetterQueue);
