namespace OrderProcessing.Transport.Queues;

/// <summary>
/// The SQS message attributes the local host gives a dead letter (AWS keeps these only in the stage's logs): why its first and last
/// receive failed, and when it was dead-lettered. The operator tool shows them when present.
/// </summary>
public static class DeadLetterAttributes
{
    /// <summary>Why the first receive failed.</summary>
    public const string FirstFailureCause = "FirstFailureCause";

    /// <summary>Why the last receive failed.</summary>
    public const string LastFailureCause = "LastFailureCause";

    /// <summary>When the message moved to the dead-letter list (ISO 8601).</summary>
    public const string DeadLetteredAt = "DeadLetteredAt";
}
