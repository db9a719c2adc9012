namespace OrderProcessing.Functions.Stages;

/// <summary>
/// Told about every message a stage function reports as failed, with its cause. In Lambda nobody listens (the cause is in
/// the function's log next to the dead-letter queue); the in-process transport records it on the message, so the
/// dead-letter list says why without reading log text.
/// </summary>
public interface IStageFailureObserver
{
    /// <summary>Called once per failed message, before the function answers its batch.</summary>
    void MessageFailed(StageFailure failure);
}
