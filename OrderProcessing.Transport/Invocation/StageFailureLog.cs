using System.Collections.Concurrent;
using OrderProcessing.Functions.Stages;

namespace OrderProcessing.Transport.Invocation;

/// <summary>
/// Hears, through the stage functions' typed hook, why they failed each message (a partial batch response carries ids
/// only) and keeps it until the transport settles that message: the dead-letter list then says why each receive failed,
/// as an operator would find it in the function's log next to the dead-letter queue. Give it to the functions with
/// <c>FunctionBootstrap.Create(..., stageFailures: log)</c> or their constructors.
/// </summary>
public sealed class StageFailureLog : IStageFailureObserver
{
    /// <summary>Failures kept at most; the oldest are forgotten first (a function that fails a message nobody settles).</summary>
    public const int MaxKept = 10_000;

    private readonly ConcurrentDictionary<(string Stage, string MessageId), StageFailure> _failures = new();
    private readonly ConcurrentQueue<(string Stage, string MessageId)> _order = new();

    /// <inheritdoc />
    public void MessageFailed(StageFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var key = (failure.Stage, failure.MessageId);
        _failures[key] = failure;
        _order.Enqueue(key);
        while (_order.Count > MaxKept && _order.TryDequeue(out var oldest))
        {
            _failures.TryRemove(oldest, out _);
        }
    }

    /// <summary>The failure the stage reported for the message, if any, forgetting it.</summary>
    public StageFailure? Take(string stage, string messageId) =>
        _failures.TryRemove((stage, messageId), out var failure) ? failure : null;
}
