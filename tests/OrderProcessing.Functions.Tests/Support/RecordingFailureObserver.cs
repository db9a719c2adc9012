using System.Collections.Concurrent;
using OrderProcessing.Functions.Stages;

namespace OrderProcessing.Functions.Tests.Support;

/// <summary>Keeps every failure the stage functions report.</summary>
internal sealed class RecordingFailureObserver : IStageFailureObserver
{
    private readonly ConcurrentQueue<StageFailure> _failures = new();

    public IReadOnlyList<StageFailure> Failures => _failures.ToList();

    public void MessageFailed(StageFailure failure) => _failures.Enqueue(failure);
}
