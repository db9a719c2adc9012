namespace OrderProcessing.Local.Tests.Support;

/// <summary>What a fake stage read from one SQS record.</summary>
internal sealed record SqsRecord(string MessageId, string Body, int ReceiveCount, string EventSource, string EventSourceArn);
