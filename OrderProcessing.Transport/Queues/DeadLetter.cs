namespace OrderProcessing.Transport.Queues;

/// <summary>A message a stage gave up on after its receive limit, kept with the reason of every failed receive.</summary>
/// <param name="Stage">The stage (function name) whose queue it came from.</param>
/// <param name="MessageId">The message id.</param>
/// <param name="Body">The body, unchanged.</param>
/// <param name="ReceiveCount">How many times it was received.</param>
/// <param name="SentAt">When it was first sent.</param>
/// <param name="DeadLetteredAt">When it was moved here.</param>
/// <param name="Cause">Why the last receive failed.</param>
/// <param name="Failures">Why each receive failed, oldest first.</param>
public sealed record DeadLetter(
    string Stage,
    string MessageId,
    string Body,
    int ReceiveCount,
    DateTimeOffset SentAt,
    DateTimeOffset DeadLetteredAt,
    string Cause,
    IReadOnlyList<string> Failures);
