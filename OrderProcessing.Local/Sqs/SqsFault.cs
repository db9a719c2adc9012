namespace OrderProcessing.Local.Sqs;

/// <summary>
/// An SQS error as the JSON protocol answers it: <c>__type</c> names the error shape the SDK turns into its exception
/// (<c>com.amazonaws.sqs#QueueDoesNotExist</c> becomes <c>QueueDoesNotExistException</c>), and the
/// <c>x-amzn-query-error</c> header carries the legacy code (<c>AWS.SimpleQueueService.NonExistentQueue;Sender</c>).
/// </summary>
/// <param name="shape">The error shape, without the <c>com.amazonaws.sqs#</c> namespace.</param>
/// <param name="queryCode">The legacy query-protocol code.</param>
/// <param name="message">What was wrong.</param>
/// <param name="statusCode">The HTTP status.</param>
public sealed class SqsFault(string shape, string queryCode, string message, int statusCode = 400) : Exception(message)
{
    /// <summary>The error shape, without its namespace.</summary>
    public string Shape { get; } = shape;

    /// <summary>The legacy query-protocol code.</summary>
    public string QueryCode { get; } = queryCode;

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>The queue (by URL or ARN) does not exist.</summary>
    public static SqsFault NoSuchQueue(string queue) =>
        new("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", $"The specified queue does not exist: {queue}.");

    /// <summary>The request misses or misspells a parameter.</summary>
    public static SqsFault InvalidParameter(string message) => new("InvalidParameterValueException", "InvalidParameterValue", message);

    /// <summary>The local subset does not serve this action or this use of it.</summary>
    public static SqsFault Unsupported(string message) => new("UnsupportedOperation", "AWS.SimpleQueueService.UnsupportedOperation", message);

    /// <summary>The receipt handle is not one this queue handed out, or its message is gone.</summary>
    public static SqsFault InvalidReceipt(string handle) =>
        new("ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid", $"The receipt handle '{handle}' is not valid for this queue.");
}
