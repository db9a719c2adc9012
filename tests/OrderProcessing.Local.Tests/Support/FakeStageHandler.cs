using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OrderProcessing.Local.Handlers;

namespace OrderProcessing.Local.Tests.Support;

/// <summary>
/// A stage function stand-in: reads the SQS event as a real stage would, records every batch, and answers per message as
/// the test decides (success, reported failure) or fails the whole invocation.
/// </summary>
internal sealed class FakeStageHandler(string name, Func<SqsRecord, bool>? succeeds = null) : IFunctionHandler
{
    private readonly ConcurrentQueue<IReadOnlyList<SqsRecord>> _batches = new();

    public string Name { get; } = name;

    /// <summary>Throw this from the invocation instead of answering.</summary>
    public Exception? Throws { get; set; }

    /// <summary>When set, each invocation waits for it (and records that it started).</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Completes when an invocation is waiting at the gate.</summary>
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Ignore the timeout token and never answer.</summary>
    public bool Hangs { get; set; }

    public IReadOnlyList<IReadOnlyList<SqsRecord>> Batches => _batches.ToList();

    public IReadOnlyList<SqsRecord> Messages => _batches.SelectMany(b => b).ToList();

    public async Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(input, cancellationToken: cancellationToken);
        var batch = document.RootElement.GetProperty("Records").EnumerateArray().Select(r => new SqsRecord(
            r.GetProperty("messageId").GetString()!,
            r.GetProperty("body").GetString()!,
            int.Parse(r.GetProperty("attributes").GetProperty("ApproximateReceiveCount").GetString()!, CultureInfo.InvariantCulture),
            r.GetProperty("eventSource").GetString()!,
            r.GetProperty("eventSourceARN").GetString()!)).ToList();
        _batches.Enqueue(batch);
        if (Gate is { } gate)
        {
            Entered.TrySetResult();
            await gate.Task;
        }

        if (Hangs)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, CancellationToken.None);
        }

        if (Throws is { } e)
        {
            throw e;
        }

        var failures = batch.Where(m => !(succeeds?.Invoke(m) ?? true)).Select(m => $"{{\"itemIdentifier\":\"{m.MessageId}\"}}");
        return new MemoryStream(Encoding.UTF8.GetBytes($"{{\"batchItemFailures\":[{string.Join(",", failures)}]}}"));
    }
}
