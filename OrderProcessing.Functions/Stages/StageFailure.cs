namespace OrderProcessing.Functions.Stages;

/// <summary>One message a stage failed: which, why (<see cref="Kind"/>), and the text an operator reads.</summary>
/// <param name="Stage">The stage function's name.</param>
/// <param name="MessageId">The SQS message id, as reported in <c>batchItemFailures</c>.</param>
/// <param name="OrderId">The order, when the message could be read.</param>
/// <param name="Kind">Poison (unreadable), transient or unexpected.</param>
/// <param name="Cause">What went wrong, with the exception's type and message when there is one.</param>
public sealed record StageFailure(string Stage, string MessageId, string? OrderId, StageFailureKind Kind, string Cause);
