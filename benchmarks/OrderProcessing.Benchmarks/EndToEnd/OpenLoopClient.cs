using System.Diagnostics;

namespace OrderProcessing.Benchmarks.EndToEnd;

/// <summary>
/// An open-loop load generator: request <c>i</c> is due at <c>i / rate</c> seconds after the start whatever the answers
/// before it are doing, and its latency counts from that moment, not from when it was actually sent. A closed-loop client
/// (wrk: each connection waits for its answer) slows down when the server does and then measures its own queue
/// (coordinated omission); at a fixed offered rate below capacity this measures the latency a caller sees.
/// </summary>
public sealed class OpenLoopClient(HttpClient client, Func<long, HttpRequestMessage> request, int expectedStatus)
{
    /// <summary>When request <paramref name="index"/> is due, from the start of a window at <paramref name="rate"/> per second.</summary>
    public static TimeSpan DueAt(long index, double rate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        return TimeSpan.FromSeconds(index / rate);
    }

    /// <summary>Sends <paramref name="rate"/> requests per second for <paramref name="duration"/>, then waits for the last answers.</summary>
    public async Task<OpenLoopRun> RunAsync(double rate, TimeSpan duration, long firstIndex = 0)
    {
        var inFlight = new List<Task<double?>>();
        var clock = Stopwatch.StartNew();
        for (long i = 0; ; i++)
        {
            var due = DueAt(i, rate);
            if (due >= duration)
            {
                break;
            }

            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait).ConfigureAwait(false);
            }

            inFlight.Add(SendAsync(request(firstIndex + i), clock, due));
        }

        var results = await Task.WhenAll(inFlight).ConfigureAwait(false);
        var latencies = results.Where(r => r is not null).Select(r => r!.Value).Order().ToList();
        return new OpenLoopRun(rate, duration.TotalSeconds, results.Length, latencies.Count, results.Length - latencies.Count, latencies);
    }

    // Latency in milliseconds from the due moment, or null for a failed request.
    private async Task<double?> SendAsync(HttpRequestMessage message, Stopwatch clock, TimeSpan due)
    {
        using (message)
        {
            try
            {
                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
                var done = clock.Elapsed;
                return (int)response.StatusCode == expectedStatus ? (done - due).TotalMilliseconds : null;
            }
            catch (HttpRequestException)
            {
                return null;
            }
            catch (TaskCanceledException)
            {
                return null;
            }
        }
    }
}
