namespace OrderProcessing.Operations.Targets;

/// <summary>How to find a queue: its URL when the stack outputs give it, else its name (resolved with <c>GetQueueUrl</c>).</summary>
/// <param name="Name">The queue name.</param>
/// <param name="Url">The queue URL, when known.</param>
public sealed record QueueAddress(string Name, string? Url = null);
