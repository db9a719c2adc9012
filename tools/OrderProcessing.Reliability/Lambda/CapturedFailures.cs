using OrderProcessing.Functions.Stages;
using OrderProcessing.Transport.Invocation;

namespace OrderProcessing.Reliability.Lambda;

/// <summary>
/// The stage functions' failure hook as the local host uses it: each cause goes to the transport's log (for dead
/// letters) and, as the host prints it, to the captured lines, so the security scan reads the causes too.
/// </summary>
internal sealed class CapturedFailures(StageFailureLog failures, TextWriter lines) : IStageFailureObserver
{
    public void MessageFailed(StageFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        failures.MessageFailed(failure);
        lines.WriteLine($"{failure.Stage}: message {failure.MessageId} failed ({failure.Kind}): {failure.Cause}");
    }
}
