namespace OrderProcessing.Transport.Delivery;

/// <summary>
/// Delivery as the local host runs it: each change queued once after the delivery delay, oldest messages first in full
/// batches, and a failed message retried after a doubling delay (<see cref="DispatcherOptions.BackoffAfter"/>).
/// </summary>
public sealed class InOrderDelivery(DispatcherOptions options) : IDeliveryPolicy
{
    private readonly DispatcherOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <inheritdoc />
    public IReadOnlyList<TimeSpan> CopyDelays() => [_options.DeliveryDelay];

    /// <inheritdoc />
    public int ChooseStage(IReadOnlyList<int> visibleCounts)
    {
        ArgumentNullException.ThrowIfNull(visibleCounts);
        for (var i = 0; i < visibleCounts.Count; i++)
        {
            if (visibleCounts[i] > 0)
            {
                return i;
            }
        }

        throw new ArgumentException("No stage has a visible message.", nameof(visibleCounts));
    }

    /// <inheritdoc />
    public IReadOnlyList<int> ChooseBatch(int visible, int batchSize) => Enumerable.Range(0, Math.Min(visible, batchSize)).ToList();

    /// <inheritdoc />
    public TimeSpan RetryDelay(int receiveCount) => _options.BackoffAfter(receiveCount);
}
