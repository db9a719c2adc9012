using OrderProcessing.Topology;
using OrderProcessing.Reliability.Dispatch;

namespace OrderProcessing.Reliability.Tests.Dispatch;

/// <summary>Records every delivery; fails the messages of orders named in <see cref="AlwaysFail"/>.</summary>
internal sealed class RecordingInvoker : IStageInvoker
{
    public List<(string Stage, StageMessage Message)> Deliveries { get; } = [];

    public HashSet<string> AlwaysFail { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<MessageResult>> InvokeAsync(FunctionDefinition function, IReadOnlyList<StageMessage> batch, CancellationToken cancellationToken)
    {
        Deliveries.AddRange(batch.Select(m => (function.Name, m)));
        IReadOnlyList<MessageResult> results = batch
            .Select(m => new MessageResult(m.MessageId, AlwaysFail.Contains(m.Change.OrderId) ? "transient: keeps failing" : null))
            .ToList();
        return Task.FromResult(results);
    }
}
