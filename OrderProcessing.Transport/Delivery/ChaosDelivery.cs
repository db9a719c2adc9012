namespace OrderProcessing.Transport.Delivery;

/// <summary>
/// Delivery as hostile as SQS's contract allows, reproducible for a seed: each change queued one to three times (later
/// copies a little later, so they land in other batches), a random stage and random visible messages per receive in
/// batches of random size up to the stage's batch size, and a random delay before a failed message comes back.
/// Combined with the reliability tool's fault decorators (transient failures, crashes after side effects, stalls), it
/// is what the stages' idempotency is proven against.
/// </summary>
public sealed class ChaosDelivery : IDeliveryPolicy
{
    private readonly ChaosDeliveryOptions _options;
    private readonly Random _random;
    private readonly Lock _gate = new();

    /// <summary>Creates the policy; all its choices come from one generator seeded with <see cref="ChaosDeliveryOptions.Seed"/>.</summary>
    public ChaosDelivery(ChaosDeliveryOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinCopies, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxCopies, options.MinCopies);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Step, TimeSpan.Zero);
        _random = new Random(options.Seed);
    }

    /// <inheritdoc />
    public IReadOnlyList<TimeSpan> CopyDelays()
    {
        lock (_gate)
        {
            var copies = _random.Next(_options.MinCopies, _options.MaxCopies + 1);
            var delays = new TimeSpan[copies];
            for (var i = 1; i < copies; i++)
            {
                delays[i] = Steps(TimeSpan.Zero, _options.MaxDuplicateDelay);
            }

            return delays;
        }
    }

    /// <inheritdoc />
    public int ChooseStage(IReadOnlyList<int> visibleCounts)
    {
        ArgumentNullException.ThrowIfNull(visibleCounts);
        lock (_gate)
        {
            // A random visible message picks the stage, so a busy queue is received from more often, as with many pollers.
            var pick = _random.Next(visibleCounts.Sum());
            for (var i = 0; i < visibleCounts.Count; i++)
            {
                pick -= visibleCounts[i];
                if (pick < 0)
                {
                    return i;
                }
            }
        }

        throw new ArgumentException("No stage has a visible message.", nameof(visibleCounts));
    }

    /// <inheritdoc />
    public IReadOnlyList<int> ChooseBatch(int visible, int batchSize)
    {
        lock (_gate)
        {
            var size = Math.Min(visible, _random.Next(1, Math.Max(1, batchSize) + 1));
            var candidates = Enumerable.Range(0, visible).ToList();
            var batch = new List<int>(size);
            while (batch.Count < size)
            {
                var k = _random.Next(candidates.Count);
                batch.Add(candidates[k]);
                candidates.RemoveAt(k);
            }

            return batch;
        }
    }

    /// <inheritdoc />
    public TimeSpan RetryDelay(int receiveCount)
    {
        lock (_gate)
        {
            return Steps(_options.MinRetryDelay, _options.MaxRetryDelay);
        }
    }

    private TimeSpan Steps(TimeSpan min, TimeSpan max)
    {
        var low = min.Ticks / _options.Step.Ticks;
        var high = Math.Max(low, max.Ticks / _options.Step.Ticks);
        return TimeSpan.FromTicks(_random.NextInt64(low, high + 1) * _options.Step.Ticks);
    }
}
