using OrderProcessing.Topology;

namespace OrderProcessing.Reliability.Dispatch;

/// <summary>Runs a stage function on one SQS-shaped batch and says which messages failed.</summary>
internal interface IStageInvoker
{
    /// <summary>Processes <paramref name="batch"/> with <paramref name="function"/>; one result per message. May throw: the whole batch then fails.</summary>
    Task<IReadOnlyList<MessageResult>> InvokeAsync(FunctionDefinition function, IReadOnlyList<StageMessage> batch, CancellationToken cancellationToken);
}
