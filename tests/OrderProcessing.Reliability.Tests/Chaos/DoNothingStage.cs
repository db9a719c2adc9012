using OrderProcessing.Core.Pipeline;

namespace OrderProcessing.Reliability.Tests.Chaos;

/// <summary>A stage that acknowledges every message and does nothing.</summary>
internal sealed class DoNothingStage : IOrderStage
{
    public Task<StageOutcome> HandleAsync(string orderId, CancellationToken cancellationToken = default) =>
        Task.FromResult(StageOutcome.Skipped(orderId, "broken on purpose"));
}
