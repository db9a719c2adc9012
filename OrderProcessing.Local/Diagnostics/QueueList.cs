using OrderProcessing.Transport.Queues;

namespace OrderProcessing.Local.Diagnostics;

/// <summary>The body of <c>GET /_local/queues</c>: each stage queue's counts, in topology order.</summary>
/// <param name="Items">The counts.</param>
public sealed record QueueList(IReadOnlyList<QueueCounts> Items);
