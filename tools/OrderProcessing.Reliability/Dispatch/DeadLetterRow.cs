namespace OrderProcessing.Reliability.Dispatch;

/// <summary>
/// A row of the report for a message that failed on every receive up to the limit and moved to the stage's dead-letter
/// list: its order, the last cause as <see cref="FailureText"/> words it, and the redrive round it happened in (0: the run itself).
/// </summary>
internal sealed record DeadLetterRow(string Stage, string OrderId, string MessageId, int ReceiveCount, string Cause, int Round);
