namespace OrderProcessing.Transport.Delivery;

/// <summary>
/// How the in-order delivery paces messages, and what the AWS events it hands the functions name. Batch size, receive limit and invocation timeout are not here: they come
/// from each stage's <see cref="Topology.FunctionDefinition"/>, as in AWS.
/// </summary>
public sealed record DispatcherOptions
{
    /// <summary>
    /// How long a failed message stays invisible before its second receive (default 500 ms). In AWS this is the queue's
    /// visibility timeout; locally it is short so a retry is seen in seconds.
    /// </summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long a routed change waits in its stage queue before it can be received (default none): the queue's delivery
    /// delay, and locally a stand-in for the latency between stages in AWS, so a person can watch an order move.
    /// </summary>
    public TimeSpan DeliveryDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Upper bound of the doubled delay (default 30 s).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The region named in the SQS records handed to the functions (default <c>us-east-1</c>).</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The account id in the ARNs of those records (default twelve zeros, as local emulators use).</summary>
    public string AccountId { get; init; } = "000000000000";

    /// <summary>Prefix of the local queue names in those ARNs (default <c>orderprocessing-local-</c>).</summary>
    public string QueueNamePrefix { get; init; } = "orderprocessing-local-";

    /// <summary>
    /// The invisibility after the <paramref name="receiveCount"/>-th failed receive: <see cref="RetryDelay"/> doubled per
    /// earlier receive, at most <see cref="MaxRetryDelay"/>.
    /// </summary>
    public TimeSpan BackoffAfter(int receiveCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(receiveCount, 1);
        var doublings = Math.Min(receiveCount - 1, 30);
        return RetryDelay.Ticks > MaxRetryDelay.Ticks >> doublings ? MaxRetryDelay : TimeSpan.FromTicks(RetryDelay.Ticks << doublings);
    }
}
