using OrderProcessing.Core.Common;
using OrderProcessing.Core.Pipeline;
using OrderProcessing.Reliability.Dispatch;
using OrderProcessing.Topology;
using OrderProcessing.Transport.Invocation;

namespace OrderProcessing.Reliability.Tests.Dispatch;

/// <summary>Stage functions that record every delivery (stage, order) and fail, transiently, the messages of orders named in <see cref="AlwaysFail"/>.</summary>
internal sealed class RecordingStages
{
    public RecordingStages()
    {
        Functions = new CoreStageFunctions(SystemTopology.Stages.ToDictionary(s => s.Name, s => (IOrderStage)new RecordingStage(this, s.Name), StringComparer.Ordinal), Failures);
    }

    public StageFailureLog Failures { get; } = new();

    public CoreStageFunctions Functions { get; }

    public List<(string Stage, string OrderId)> Deliveries { get; } = [];

    public HashSet<string> AlwaysFail { get; } = new(StringComparer.Ordinal);

    private sealed class RecordingStage(RecordingStages owner, string name) : IOrderStage
    {
        public Task<StageOutcome> HandleAsync(string orderId, CancellationToken cancellationToken = default)
        {
            owner.Deliveries.Add((name, orderId));
            return owner.AlwaysFail.Contains(orderId)
                ? throw new TransientFailureException("keeps failing")
                : Task.FromResult(StageOutcome.Skipped(orderId, "recorded"));
        }
    }
}
