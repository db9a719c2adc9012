namespace OrderProcessing.Testing.Transport;

/// <summary>What a fake stage read from one SQS record.</summary>
public sealed record SqsRecord(string MessageId, string Body, int ReceiveCount, string EventSource, string EventSourceArn);
