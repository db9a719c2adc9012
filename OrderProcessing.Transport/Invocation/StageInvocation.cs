using System.Text.Json;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.Sqs;
using OrderProcessing.Transport.Events;

namespace OrderProcessing.Transport.Invocation;

/// <summary>
/// One invocation of a stage function as Lambda's event source mapping makes it: the SQS event in, the partial batch
/// response read back with Lambda's rules, within the function's timeout.
/// </summary>
public static class StageInvocation
{
    /// <summary>
    /// The ids of the messages of <paramref name="sqsEvent"/> that <paramref name="handler"/> failed. Throws what the
    /// function threw, a <see cref="TimeoutException"/> at <paramref name="timeout"/>, or a <see cref="FormatException"/>
    /// for an answer that is not a batch response: each fails the whole batch.
    /// </summary>
    public static async Task<IReadOnlySet<string>> FailedMessageIdsAsync(IFunctionHandler handler, SqsEvent sqsEvent, TimeSpan timeout, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(sqsEvent);
        ArgumentNullException.ThrowIfNull(clock);
        var ids = (sqsEvent.Records ?? []).Select(r => r?.MessageId ?? "").ToList();
        var input = JsonSerializer.SerializeToUtf8Bytes(sqsEvent, AwsEventJsonContext.Default.SqsEvent);
        using var deadline = new CancellationTokenSource(timeout, clock);
        var invocation = handler.InvokeAsync(new MemoryStream(input, writable: false), deadline.Token);
        var output = await invocation.WaitAsync(timeout, clock).ConfigureAwait(false);
        byte[] bytes;
        await using (output.ConfigureAwait(false))
        {
            using var copy = new MemoryStream();
            await output.CopyToAsync(copy).ConfigureAwait(false);
            bytes = copy.ToArray();
        }

        return BatchResponseReader.FailedMessageIds(bytes, ids);
    }
}
