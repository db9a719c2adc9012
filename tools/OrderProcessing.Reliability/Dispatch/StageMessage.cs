using OrderProcessing.Reliability.Feed;

namespace OrderProcessing.Reliability.Dispatch;

/// <summary>One message on a stage queue: the change record that routed it there, under its own message id, and how often it has been received (this receive included).</summary>
internal sealed record StageMessage(string MessageId, OrderChange Change, int ReceiveCount = 1);
