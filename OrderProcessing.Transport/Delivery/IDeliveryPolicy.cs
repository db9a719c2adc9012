namespace OrderProcessing.Transport.Delivery;

/// <summary>
/// How the transport delivers what SQS leaves open: how many copies of a routed change are queued and when each becomes
/// visible, which visible messages one receive hands out, and how long a failed message stays invisible. Batch sizes and
/// receive limits are not here: they come from each stage's topology entry. Time is the transport's
/// <see cref="TimeProvider"/>; an implementation is called under the queue's lock and must be quick.
/// </summary>
public interface IDeliveryPolicy
{
    /// <summary>One delay per copy of a routed change to queue, each the time until that copy can be received.</summary>
    IReadOnlyList<TimeSpan> CopyDelays();

    /// <summary>
    /// The stage (an index into <paramref name="visibleCounts"/>, each a stage's number of visible messages, at least one
    /// of them positive) that the next receive of a transport-driven run takes a batch from.
    /// </summary>
    int ChooseStage(IReadOnlyList<int> visibleCounts);

    /// <summary>
    /// The indices into <paramref name="visible"/> (a stage's visible messages, oldest first, at least one) that one
    /// receive hands out: at least one and at most <paramref name="batchSize"/>, each once.
    /// </summary>
    IReadOnlyList<int> ChooseBatch(int visible, int batchSize);

    /// <summary>How long a message stays invisible after its <paramref name="receiveCount"/>-th receive failed.</summary>
    TimeSpan RetryDelay(int receiveCount);
}
