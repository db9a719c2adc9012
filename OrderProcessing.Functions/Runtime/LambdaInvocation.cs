using System.Globalization;

namespace OrderProcessing.Functions.Runtime;

/// <summary>One invocation handed out by the Runtime API's next-invocation call: its headers and its event.</summary>
/// <param name="RequestId">The request id every later call about this invocation names.</param>
/// <param name="Deadline">When Lambda stops the invocation.</param>
/// <param name="InvokedFunctionArn">The ARN invoked, when the API sent it.</param>
/// <param name="TraceId">The X-Ray tracing header, when the API sent it.</param>
/// <param name="Event">The invocation event, as sent.</param>
public sealed record LambdaInvocation(string RequestId, DateTimeOffset Deadline, string? InvokedFunctionArn, string? TraceId, ReadOnlyMemory<byte> Event)
{
    /// <summary>Reads an invocation from the next-invocation response's headers and body.</summary>
    /// <param name="header">The value of a response header, or null when absent.</param>
    /// <param name="body">The response body.</param>
    /// <exception cref="RuntimeApiException">The request id is missing, or the deadline is missing or not Unix milliseconds.</exception>
    public static LambdaInvocation Parse(Func<string, string?> header, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(header);
        var requestId = header(RuntimeApiHeaders.RequestId);
        if (string.IsNullOrWhiteSpace(requestId))
        {
            throw new RuntimeApiException($"The next invocation has no {RuntimeApiHeaders.RequestId} header.");
        }

        var deadline = header(RuntimeApiHeaders.DeadlineMs);
        if (!long.TryParse(deadline, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            throw new RuntimeApiException($"The next invocation ({requestId}) has no Unix-milliseconds {RuntimeApiHeaders.DeadlineMs} header: '{deadline}'.");
        }

        return new LambdaInvocation(
            requestId,
            DateTimeOffset.FromUnixTimeMilliseconds(milliseconds),
            NullIfEmpty(header(RuntimeApiHeaders.InvokedFunctionArn)),
            NullIfEmpty(header(RuntimeApiHeaders.TraceId)),
            body);
    }

    /// <summary>The time left until <see cref="Deadline"/> by <paramref name="clock"/>; zero once it has passed.</summary>
    public TimeSpan RemainingTime(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var remaining = Deadline - clock.GetUtcNow();
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
