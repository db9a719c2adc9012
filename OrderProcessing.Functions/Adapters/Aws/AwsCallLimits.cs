namespace OrderProcessing.Functions.Adapters.Aws;

/// <summary>
/// How long one attempt of an AWS call may take and how often the SDK retries it. The SDK's defaults let a DynamoDB call
/// retry ten times with no per-attempt bound, so a store that stops answering holds a call far past any Lambda timeout;
/// these limits keep every attempt short, and the caller's cancellation token bounds the call as a whole.
/// </summary>
/// <param name="AttemptTimeout">Longest single HTTP attempt (the SDK's <c>ClientConfig.Timeout</c>).</param>
/// <param name="MaxErrorRetry">Retries after the first attempt, in the SDK's standard retry mode.</param>
public sealed record AwsCallLimits(TimeSpan AttemptTimeout, int MaxErrorRetry)
{
    /// <summary>Checks the limits: a positive attempt timeout and zero or more retries.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is out of range.</exception>
    public AwsCallLimits Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AttemptTimeout, TimeSpan.Zero, nameof(AttemptTimeout));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxErrorRetry, nameof(MaxErrorRetry));
        return this;
    }
}
