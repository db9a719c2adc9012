namespace OrderProcessing.Local.Sqs;

/// <summary>One local dead-letter redrive, as <c>ListMessageMoveTasks</c> reports it.</summary>
internal sealed class SqsMoveTask(string handle, string sourceArn, string destinationArn, int toMove, int? perSecond, DateTimeOffset startedAt)
{
    public string Handle { get; } = handle;

    public string SourceArn { get; } = sourceArn;

    public string DestinationArn { get; } = destinationArn;

    public int ToMove { get; } = toMove;

    public int? PerSecond { get; } = perSecond;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public int Moved { get; set; }

    /// <summary>RUNNING, COMPLETED or FAILED, SQS's words.</summary>
    public string Status { get; set; } = "RUNNING";

    public string? FailureReason { get; set; }
}
