namespace OrderProcessing.Transport.Queues;

/// <summary>What a stage queue has carried since it was created (running totals, unlike <see cref="QueueCounts"/>).</summary>
/// <param name="Stage">The stage (function name).</param>
/// <param name="Sent">Messages put on the queue, duplicate copies and injected messages included.</param>
/// <param name="Receives">Receives of a message, counted per message.</param>
/// <param name="Failures">Failed receives.</param>
/// <param name="Deleted">Messages processed and deleted.</param>
/// <param name="DeadLettered">Moves to the dead-letter list (a redriven message may move again).</param>
public sealed record QueueTraffic(string Stage, long Sent, long Receives, long Failures, long Deleted, long DeadLettered);
