using System.Text.Json;

namespace OrderProcessing.Local.Dispatch;

/// <summary>
/// Reads a stage function's partial batch response (<c>{"batchItemFailures":[{"itemIdentifier":"..."}]}</c>) with the
/// rules Lambda applies: no output or no failures means every message succeeded; output that is not that shape, or an
/// identifier that is empty or not in the batch, fails the whole batch.
/// </summary>
public static class BatchResponseDecoder
{
    /// <summary>The ids of the messages to retry, or a <see cref="FormatException"/> that fails the whole batch.</summary>
    public static IReadOnlySet<string> FailedMessageIds(ReadOnlySpan<byte> output, IReadOnlyCollection<string> batchIds)
    {
        ArgumentNullException.ThrowIfNull(batchIds);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        if (output.IsEmpty || output.Trim(" \t\r\n"u8).SequenceEqual("null"u8))
        {
            return failed;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(output.ToArray());
        }
        catch (JsonException e)
        {
            throw new FormatException($"the function's response is not JSON ({e.Message})", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("the function's response is not a JSON object");
            }

            if (!document.RootElement.TryGetProperty("batchItemFailures", out var failures) || failures.ValueKind == JsonValueKind.Null)
            {
                return failed;
            }

            if (failures.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("batchItemFailures is not an array");
            }

            var known = batchIds.ToHashSet(StringComparer.Ordinal);
            foreach (var failure in failures.EnumerateArray())
            {
                var id = failure.ValueKind == JsonValueKind.Object && failure.TryGetProperty("itemIdentifier", out var v) && v.ValueKind == JsonValueKind.String
                    ? v.GetString()
                    : null;
                if (string.IsNullOrEmpty(id) || !known.Contains(id))
                {
                    throw new FormatException($"batchItemFailures names '{id}', which is not a message of the batch");
                }

                failed.Add(id);
            }
        }

        return failed;
    }
}
