namespace OrderProcessing.Reliability.Dispatch;

/// <summary>
/// A message that failed on every receive up to the limit and moved to the stage's dead-letter queue, with the last
/// cause and the redrive round it happened in (0: the run itself).
/// </summary>
internal sealed record DeadLetter(string Stage, string OrderId, string MessageId, int ReceiveCount, string Cause, int Round);
