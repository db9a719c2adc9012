namespace OrderProcessing.Transport.Queues;

/// <summary>What a stage queue did with a failed message.</summary>
/// <param name="DeadLettered">True when the receive limit was reached and the message moved to the dead-letter list.</param>
/// <param name="ReceiveCount">Receives so far.</param>
/// <param name="RetryIn">The delay before the next receive, when it stays queued.</param>
public sealed record FailureOutcome(bool DeadLettered, int ReceiveCount, TimeSpan? RetryIn);
