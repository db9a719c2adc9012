using OrderProcessing.Transport.Queues;

namespace OrderProcessing.Local.Diagnostics;

/// <summary>The body of <c>GET /_local/dead-letters</c>: every stage's dead letters, oldest first.</summary>
/// <param name="Items">The dead letters.</param>
public sealed record DeadLetterList(IReadOnlyList<DeadLetter> Items);
