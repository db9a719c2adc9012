namespace OrderProcessing.Local.Dispatch;

/// <summary>
/// Says why a stage failed a message it reported in <c>batchItemFailures</c> (which carries ids only): the stage's own
/// log line about that message, as an operator would find it in the function's logs next to the dead-letter queue.
/// </summary>
public interface IFailureCauseSource
{
    /// <summary>The cause the stage logged for the message, if any, forgetting it.</summary>
    string? TakeCause(string stage, string messageId);
}
