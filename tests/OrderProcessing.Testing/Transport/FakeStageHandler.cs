using System.Collections.Concurrent;
using System.Text.Json;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.Sqs;
using OrderProcessing.Transport.Invocation;

namespace OrderProcessing.Testing.Transport;

/// <summary>
/// A stage function stand-in: reads the SQS event as a real stage would, records every batch, and answers per message as
/// the test decides (success, reported failure) or fails the whole invocation.
/// </summary>
public sealed class FakeStageHandler(string name, Func<SqsRecord, bool>? succeeds = null) : IFunctionHandler
{
    private readonly ConcurrentQueue<IReadOnlyList<SqsRecord>> _batches = new();

    public string Name { get; } = name;

    /// <summary>Throw this from the invocation instead of answering.</summary>
    public Exception? Throws { get; set; }

    /// <summary>When set, each invocation waits for it (and records that it started).</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Completes when an invocation is waiting at the gate.</summary>
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Called for each message the handler fails, before it answers (a stage reporting its failure hook).</summary>
    public Action<SqsRecord>? OnFailed { get; set; }

    /// <summary>Ignore the timeout token and never answer.</summary>
    public bool Hangs { get; set; }

    public IReadOnlyList<IReadOnlyList<SqsRecord>> Batches => _batches.ToList();

    public IReadOnlyList<SqsRecord> Messages => _batches.SelectMany(b => b).ToList();

    public async Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken)
    {
        var sqsEvent = await JsonSerializer.DeserializeAsync(input, AwsEventJsonContext.Default.SqsEvent, cancellationToken);
        var batch = sqsEvent!.Records!.Select(r => new SqsRecord(r!.MessageId!, r.Body!, r.ApproximateReceiveCount!.Value, r.EventSource!, r.EventSourceArn!)).ToList();
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

        var failed = batch.Where(m => !(succeeds?.Invoke(m) ?? true)).ToList();
        foreach (var m in failed)
        {
            OnFailed?.Invoke(m);
        }

        var response = new SqsBatchResponse { BatchItemFailures = failed.Select(m => new SqsBatchItemFailure { ItemIdentifier = m.MessageId }).ToList() };
        return new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(response, AwsEventJsonContext.Default.SqsBatchResponse));
    }
}
