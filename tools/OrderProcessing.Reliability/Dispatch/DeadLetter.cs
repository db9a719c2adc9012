namespace OrderProcessing.Reliability.Dispatch;

/// <summary>A message that failed on every receive up to the limit and moved to the stage's dead-letter queue, with the last cause.</summary>
internal sealed record DeadLetter(string Stage, string OrderId, string MessageId, int ReceiveCount, string Cause);
