using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using OrderProcessing.Transport.Invocation;

namespace OrderProcessing.Testing.Contracts;

/// <summary>
/// Records every message a run emits to consumers, as the consumers get it: each envelope the pipe publishes to the
/// order-events topic (attach <see cref="Publish"/> to the dispatcher's <c>Published</c>) and each batch a queue-fed
/// function is invoked with (wrap its handler with <see cref="Recording(Func{Stream, Task{Stream}})"/>), so a test can
/// check all of them against the committed contracts (<see cref="EventContracts"/>).
/// </summary>
public sealed class EmittedMessages
{
    private readonly ConcurrentQueue<string> _events = new();
    private readonly ConcurrentQueue<string> _batches = new();

    /// <summary>The envelopes published, as JSON, in order.</summary>
    public IReadOnlyList<string> Events => [.. _events];

    /// <summary>The batches queue-fed functions were invoked with, as JSON.</summary>
    public IReadOnlyList<string> Batches => [.. _batches];

    /// <summary>The event types published so far.</summary>
    public IReadOnlySet<string> EventTypes => _events.Select(e => JsonNode.Parse(e)?["eventType"]?.GetValue<string>() ?? "").ToHashSet(StringComparer.Ordinal);

    /// <summary>Records one published envelope.</summary>
    public void Publish(string body) => _events.Enqueue(body ?? throw new ArgumentNullException(nameof(body)));

    /// <summary><paramref name="handler"/>, recording every event it is invoked with.</summary>
    public Func<Stream, Task<Stream>> Recording(Func<Stream, Task<Stream>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return async input =>
        {
            var copy = new MemoryStream();
            await input.CopyToAsync(copy).ConfigureAwait(false);
            _batches.Enqueue(Encoding.UTF8.GetString(copy.ToArray()));
            copy.Position = 0;
            return await handler(copy).ConfigureAwait(false);
        };
    }

    /// <summary><paramref name="handler"/>, recording every event it is invoked with.</summary>
    public IFunctionHandler Recording(IFunctionHandler handler) => new RecordingHandler(handler ?? throw new ArgumentNullException(nameof(handler)), this);

    /// <summary>Every way a recorded message breaks its contract, naming the message; empty when all conform.</summary>
    public IReadOnlyList<string> Violations() =>
    [
        .. _events.SelectMany(e => EventContracts.OrderEventViolations(e).Select(v => $"published {e}: {v}")),
        .. _batches.SelectMany(b => EventContracts.StageQueueEventViolations(b).Select(v => $"batch {b}: {v}")),
    ];

    private sealed class RecordingHandler(IFunctionHandler inner, EmittedMessages messages) : IFunctionHandler
    {
        public string Name => inner.Name;

        public Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken) =>
            messages.Recording(s => inner.InvokeAsync(s, cancellationToken))(input);
    }
}
