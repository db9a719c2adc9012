using System.Diagnostics;

namespace OrderProcessing.Benchmarks.Machine;

/// <summary>
/// Waits before a timed phase until the machine is quiet by <see cref="QuietCriteria"/>, reading <c>/proc/stat</c> once a
/// second; reports how long that took, or that it never happened within the maximum wait.
/// </summary>
public static class QuietMachineGate
{
    /// <summary>Waits for quiet; <paramref name="progress"/> hears about it every ten seconds of waiting.</summary>
    public static async Task<QuietOutcome> WaitAsync(QuietCriteria criteria, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var detector = new QuietDetector(criteria);
        var recent = new Queue<double>();
        var clock = Stopwatch.StartNew();
        var previous = CpuTimes.Read();
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            var now = CpuTimes.Read();
            var idle = now.IdlePercentSince(previous);
            previous = now;
            recent.Enqueue(idle);
            if (recent.Count > criteria.QuietSeconds)
            {
                recent.Dequeue();
            }

            if (detector.Observe(idle))
            {
                return new QuietOutcome(true, clock.Elapsed, detector.QuietRun.Average());
            }

            if (clock.Elapsed >= criteria.MaxWait)
            {
                return new QuietOutcome(false, clock.Elapsed, recent.Average());
            }

            if ((int)clock.Elapsed.TotalSeconds % 10 == 0)
            {
                progress?.Invoke($"waiting for a quiet machine ({criteria.MinIdlePercent:F0}% idle for {criteria.QuietSeconds} s): {idle:F0}% idle in the last second, {clock.Elapsed.TotalSeconds:F0} s waited");
            }
        }
    }
}
