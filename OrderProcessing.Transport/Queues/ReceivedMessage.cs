namespace OrderProcessing.Transport.Queues;

/// <summary>A message as one receive hands it out: what an SQS record carries.</summary>
/// <param name="MessageId">Stable id across receives; the <c>itemIdentifier</c> a function reports when it fails the message.</param>
/// <param name="ReceiptHandle">Unique per receive.</param>
/// <param name="Body">The message body (an order event envelope, as the topic delivers it).</param>
/// <param name="ReceiveCount">1 on the first receive.</param>
/// <param name="SentAt">When the message was sent.</param>
/// <param name="FirstReceivedAt">When it was first received.</param>
public sealed record ReceivedMessage(
    string MessageId,
    string ReceiptHandle,
    string Body,
    int ReceiveCount,
    DateTimeOffset SentAt,
    DateTimeOffset FirstReceivedAt);
