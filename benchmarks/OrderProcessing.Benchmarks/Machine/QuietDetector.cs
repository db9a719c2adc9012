namespace OrderProcessing.Benchmarks.Machine;

/// <summary>
/// Decides from one idle reading per second whether the machine has been quiet long enough: the last
/// <see cref="QuietCriteria.QuietSeconds"/> readings must all reach <see cref="QuietCriteria.MinIdlePercent"/>. One busy
/// second starts the count again, so a build that pauses briefly between projects does not pass for quiet.
/// </summary>
public sealed class QuietDetector(QuietCriteria criteria)
{
    private readonly List<double> _quietRun = [];

    /// <summary>The idle readings of the current quiet run (all of them at or above the threshold).</summary>
    public IReadOnlyList<double> QuietRun => _quietRun;

    /// <summary>Takes the idle share of the last second; true once the machine has been quiet for long enough.</summary>
    public bool Observe(double idlePercent)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (idlePercent < criteria.MinIdlePercent)
        {
            _quietRun.Clear();
            return false;
        }

        _quietRun.Add(idlePercent);
        return _quietRun.Count >= criteria.QuietSeconds;
    }
}
