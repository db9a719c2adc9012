using System.Text.Json;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.Sqs;

namespace OrderProcessing.Transport.Events;

/// <summary>
/// Reads a stage function's partial batch response as the typed <see cref="SqsBatchResponse"/>, with the rules Lambda
/// applies: no output or no failures means every message succeeded; output that is not that shape, or an identifier
/// that is empty or not in the batch, fails the whole batch.
/// </summary>
public static class BatchResponseReader
{
    /// <summary>The ids of the messages to retry, or a <see cref="FormatException"/> that fails the whole batch.</summary>
    public static IReadOnlySet<string> FailedMessageIds(ReadOnlySpan<byte> output, IReadOnlyCollection<string> batchIds)
    {
        ArgumentNullException.ThrowIfNull(batchIds);
        if (output.IsEmpty)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        SqsBatchResponse? response;
        try
        {
            response = JsonSerializer.Deserialize(output, AwsEventJsonContext.Default.SqsBatchResponse);
        }
        catch (JsonException e)
        {
            throw new FormatException($"the function's response is not a batch response ({e.Message})", e);
        }

        return FailedMessageIds(response, batchIds);
    }

    /// <summary>The ids of the messages <paramref name="response"/> reports (none when it is null), checked against the batch.</summary>
    public static IReadOnlySet<string> FailedMessageIds(SqsBatchResponse? response, IReadOnlyCollection<string> batchIds)
    {
        ArgumentNullException.ThrowIfNull(batchIds);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var known = batchIds.ToHashSet(StringComparer.Ordinal);
        foreach (var failure in response?.BatchItemFailures ?? [])
        {
            var id = failure?.ItemIdentifier;
            if (string.IsNullOrEmpty(id) || !known.Contains(id))
            {
                throw new FormatException($"batchItemFailures names '{id}', which is not a message of the batch");
            }

            failed.Add(id);
        }

        return failed;
    }
}
