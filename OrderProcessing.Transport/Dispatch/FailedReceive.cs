using OrderProcessing.Functions.Stages;

namespace OrderProcessing.Transport.Dispatch;

/// <summary>One failed receive of a message, as the transport settled it.</summary>
/// <param name="Stage">The stage (function name).</param>
/// <param name="MessageId">The message id.</param>
/// <param name="Body">The message body (the order event envelope, or an injected body).</param>
/// <param name="ReceiveCount">Receives so far, this one included.</param>
/// <param name="Cause">Why it failed, as the dead-letter list records it.</param>
/// <param name="Reported">What the stage function reported through its failure hook, if it did.</param>
/// <param name="DeadLettered">True when this receive moved the message to the dead-letter list.</param>
public sealed record FailedReceive(string Stage, string MessageId, string Body, int ReceiveCount, string Cause, StageFailure? Reported, bool DeadLettered);
