namespace OrderProcessing.Reliability.Dispatch;

/// <summary>What a stage did with one message of a batch: acknowledged it (no failure) or failed it, with the cause.</summary>
internal sealed record MessageResult(string MessageId, string? Failure)
{
    /// <summary>The message is done and deleted from the queue.</summary>
    public bool Succeeded => Failure is null;
}
