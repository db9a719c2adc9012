using System.Text.Json;

namespace OrderProcessing.Benchmarks.EndToEnd;

/// <summary>The local host's stage queue counters (<c>GET /_local/queues</c>), summed as the benchmark needs them.</summary>
/// <param name="Entered">Deliveries of the first stage (reserve-inventory): one per order placed.</param>
/// <param name="Completed">Deliveries of the last stage (generate-invoice): one per order completed.</param>
/// <param name="Pending">Messages still visible, delayed or in flight in any queue not left out.</param>
/// <param name="DeadLetters">Dead letters in any stage.</param>
public sealed record PipelineCounts(long Entered, long Completed, long Pending, int DeadLetters)
{
    /// <summary>Reads the counters from the host; the pending messages of <paramref name="leaveOut"/> (paused queues) are not counted.</summary>
    public static async Task<PipelineCounts> ReadAsync(HttpClient client, IReadOnlySet<string>? leaveOut = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        await using var body = await client.GetStreamAsync(new Uri("/_local/queues", UriKind.Relative)).ConfigureAwait(false);
        using var json = await JsonDocument.ParseAsync(body).ConfigureAwait(false);
        long entered = 0, completed = 0, pending = 0;
        var dead = 0;
        foreach (var queue in json.RootElement.GetProperty("items").EnumerateArray())
        {
            var stage = queue.GetProperty("stage").GetString();
            var delivered = queue.GetProperty("delivered").GetInt64();
            if (stage == "reserve-inventory")
            {
                entered = delivered;
            }
            else if (stage == "generate-invoice")
            {
                completed = delivered;
            }

            if (stage is null || leaveOut?.Contains(stage) != true)
            {
                pending += queue.GetProperty("pending").GetInt64();
            }

            dead += queue.GetProperty("deadLetters").GetInt32();
        }

        return new PipelineCounts(entered, completed, pending, dead);
    }
}
