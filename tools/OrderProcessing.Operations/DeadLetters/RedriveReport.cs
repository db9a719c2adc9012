namespace OrderProcessing.Operations.DeadLetters;

/// <summary>What a redrive moved.</summary>
/// <param name="Stage">The stage whose dead letters moved back to its queue.</param>
/// <param name="OrderId">The one order redriven, or null for the whole queue.</param>
/// <param name="Status">The move task's status for a whole queue (COMPLETED, RUNNING when the wait ended first, FAILED); MOVED for one order.</param>
/// <param name="Moved">How many messages moved.</param>
/// <param name="ToMove">How many there were to move, when known.</param>
/// <param name="MessageIds">The ids of the messages moved (one order only; a move task does not name them).</param>
/// <param name="FailureReason">Why a move task failed.</param>
public sealed record RedriveReport(string Stage, string? OrderId, string Status, int Moved, int? ToMove, IReadOnlyList<string> MessageIds, string? FailureReason = null);
