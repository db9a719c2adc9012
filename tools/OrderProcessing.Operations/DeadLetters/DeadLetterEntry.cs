namespace OrderProcessing.Operations.DeadLetters;

/// <summary>One dead letter as the tool lists it.</summary>
/// <param name="Stage">The stage whose queue it came from.</param>
/// <param name="OrderId">The order its envelope names, or null when the body is not an order envelope.</param>
/// <param name="MessageId">The SQS message id.</param>
/// <param name="ReceiveCount">SQS's approximate receive count (the stage's receives, plus receives on the dead-letter queue).</param>
/// <param name="FirstFailureCause">Why the first receive failed, when the target keeps it (the local host does; in AWS see the stage's logs).</param>
/// <param name="LastFailureCause">Why the last receive failed, likewise.</param>
/// <param name="SentAt">When the message was first sent.</param>
/// <param name="Age">How long ago that was.</param>
public sealed record DeadLetterEntry(string Stage, string? OrderId, string MessageId, int ReceiveCount, string? FirstFailureCause, string? LastFailureCause, DateTimeOffset SentAt, TimeSpan Age);
