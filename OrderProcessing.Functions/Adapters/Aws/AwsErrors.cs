using System.Collections.Frozen;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using OrderProcessing.Core.Common;

namespace OrderProcessing.Functions.Adapters.Aws;

/// <summary>
/// Turns AWS failures that may succeed on a later attempt (throttling, 5xx, a dropped connection) into Core's
/// <see cref="TransientFailureException"/>, so the HTTP API answers 503 and queues retry with backoff. The SDK has already
/// retried by then; anything else propagates unchanged, to be logged as unexpected.
/// </summary>
internal static class AwsErrors
{
    // Error codes of throttling and server faults, for services or SDK paths that report them without a typed exception.
    private static readonly FrozenSet<string> TransientCodes = new[]
    {
        "ProvisionedThroughputExceededException", "ThrottlingException", "Throttling", "RequestLimitExceeded",
        "InternalServerError", "InternalFailure", "ServiceUnavailable", "SlowDown", "RequestTimeout", "RequestTimeoutException",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when retrying later may succeed.</summary>
    public static bool IsTransient(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        ProvisionedThroughputExceededException or ThrottlingException or RequestLimitExceededException or InternalServerErrorException => true,
        AmazonServiceException service => (int)service.StatusCode >= 500 || (service.ErrorCode is { } code && TransientCodes.Contains(code)),
        HttpRequestException or IOException or TimeoutException => true,
        TaskCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>Runs one AWS call, translating transient failures; <paramref name="what"/> names the operation for operators.</summary>
    public static async Task<T> RunAsync<T>(string what, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsTransient(e, cancellationToken))
        {
            throw new TransientFailureException($"{what} failed transiently: {e.Message}", e);
        }
    }
}
