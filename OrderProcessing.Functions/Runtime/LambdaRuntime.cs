using System.Net;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Observability;

namespace OrderProcessing.Functions.Runtime;

/// <summary>
/// The invocation loop of a custom Lambda runtime: compose the function once (an init failure is reported to
/// <c>/init/error</c> and ends the process), then for ever take the next invocation, run the function with the
/// invocation's deadline as a cancellation token, and post its answer or its error. A failing invocation never stops the
/// loop; only the Runtime API's container error, an API that stays unreachable through the client's retries, or a
/// function still running past its deadline (Lambda would stop it there) ends it, with a non-zero exit code.
/// </summary>
public static class LambdaRuntime
{
    /// <summary>The loop was stopped by its caller.</summary>
    public const int Stopped = 0;

    /// <summary>The function could not start; the failure was reported to <c>/init/error</c>.</summary>
    public const int InitFailed = 1;

    /// <summary>The Runtime API answered a container error (500), refused the runtime, or stayed unreachable.</summary>
    public const int RuntimeApiFailed = 2;

    /// <summary>The function kept running past its deadline; the process ends as Lambda would end the environment.</summary>
    public const int DeadlineExceeded = 3;

    /// <summary>The environment variable carrying the invocation's X-Ray trace header to the function and its SDK clients.</summary>
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    /// <summary>The error type of an invocation whose function threw.</summary>
    public const string UnhandledErrorType = "Function.Unhandled";

    /// <summary>The error type of an invocation that reached its deadline.</summary>
    public const string TimeoutErrorType = "Function.Timeout";

    /// <summary>The error type of an answer the API refused as larger than its 6 MB limit.</summary>
    public const string ResponseTooLargeErrorType = "Function.ResponseSizeTooLarge";

    /// <summary>The init error type of a missing or invalid setting, as AWS's specification suggests for a bad configuration.</summary>
    public const string ConfigInvalidErrorType = "Runtime.ConfigInvalid";

    /// <summary>The init error type of an unknown <c>_HANDLER</c>, as AWS's specification names it.</summary>
    public const string NoSuchHandlerErrorType = "Runtime.NoSuchHandler";

    /// <summary>The init error type of any other start-up failure.</summary>
    public const string UnknownReasonErrorType = "Runtime.UnknownReason";

    /// <summary>Composes the function with <paramref name="initialize"/> and serves invocations until stopped.</summary>
    /// <param name="client">The Runtime API client.</param>
    /// <param name="initialize">Reads the settings (once) and composes the function; throws naming a missing or bad setting.</param>
    /// <param name="options">The clock of deadlines and where init failures are written; defaults when null.</param>
    /// <param name="cancellationToken">Stops the loop (tests, the local host).</param>
    /// <returns>The process exit code: <see cref="Stopped"/>, or why the loop ended.</returns>
    public static async Task<int> RunAsync(LambdaRuntimeClient client, Func<FunctionEntryPoint> initialize, LambdaRuntimeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(initialize);
        options ??= new LambdaRuntimeOptions();
        FunctionEntryPoint function;
        try
        {
            function = initialize();
        }
        catch (Exception e)
        {
            return await ReportInitFailureAsync(client, e, options.ErrorOutput ?? Console.Error, cancellationToken).ConfigureAwait(false);
        }

        var telemetry = function.Telemetry;
        client.Retrying = (failure, delay) =>
            telemetry.Log(LogLevel.Warn, $"The Runtime API at {client.RuntimeApi} is unreachable; retrying in {delay.TotalMilliseconds:0} ms.", exception: failure);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var invocation = await client.NextInvocationAsync(cancellationToken).ConfigureAwait(false);
                using var scope = Telemetry.BeginInvocation(invocation.RequestId);
                if (!await InvokeAsync(client, function, invocation, options.Clock, cancellationToken).ConfigureAwait(false))
                {
                    return DeadlineExceeded;
                }
            }

            return Stopped;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Stopped;
        }
        catch (Exception e) when (e is RuntimeApiException or HttpRequestException)
        {
            telemetry.Log(LogLevel.Error, $"The Runtime API at {client.RuntimeApi} failed; the runtime exits.", exception: e);
            return RuntimeApiFailed;
        }
    }

    /// <summary>Sets the invocation's X-Ray trace header where tracing reads it, clearing a previous invocation's when none came.</summary>
    internal static void SetTraceId(string? traceId) => Environment.SetEnvironmentVariable(TraceIdVariable, traceId);

    /// <summary>The init error type for a start-up failure.</summary>
    internal static string InitErrorType(Exception failure) => failure switch
    {
        UnknownFunctionException => NoSuchHandlerErrorType,
        // A missing setting (MissingSettingException) or a present but malformed one: FunctionSettings names it in both.
        InvalidOperationException or ArgumentException or FormatException => ConfigInvalidErrorType,
        _ => UnknownReasonErrorType,
    };

    // Runs one invocation and posts its outcome. False when the function outlived its deadline and the process must end.
    private static async Task<bool> InvokeAsync(LambdaRuntimeClient client, FunctionEntryPoint function, LambdaInvocation invocation, TimeProvider clock, CancellationToken stop)
    {
        var telemetry = function.Telemetry;
        SetTraceId(invocation.TraceId);
        using var deadline = new CancellationTokenSource(invocation.RemainingTime(clock), clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, stop);
        Stream answer;
        Task<Stream>? running = null;
        try
        {
            var input = new MemoryStream(invocation.Event.ToArray(), writable: false);
            running = function.InvokeAsync(input, linked.Token);
            answer = await running.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !stop.IsCancellationRequested)
        {
            var stillRunning = running is { IsCompleted: false };
            var message = $"The invocation reached its deadline ({invocation.Deadline:O}){(stillRunning ? " and the function is still running; the runtime exits, as Lambda ends the environment" : "")}.";
            telemetry.Log(LogLevel.Error, message);
            await ReportInvocationErrorAsync(client, invocation, TimeoutErrorType, new LambdaError(message, TimeoutErrorType, []), telemetry, stop).ConfigureAwait(false);
            return !stillRunning;
        }
        catch (Exception e) when (!stop.IsCancellationRequested)
        {
            telemetry.Log(LogLevel.Error, "The function failed; the invocation error is reported and the runtime takes the next invocation.", exception: e);
            await ReportInvocationErrorAsync(client, invocation, UnhandledErrorType, LambdaError.FromException(e), telemetry, stop).ConfigureAwait(false);
            return true;
        }

        await using (answer.ConfigureAwait(false))
        {
            try
            {
                await client.SendResponseAsync(invocation.RequestId, answer, stop).ConfigureAwait(false);
            }
            catch (RuntimeApiException e) when (e.StatusCode == HttpStatusCode.RequestEntityTooLarge)
            {
                var size = answer.CanSeek ? $" ({answer.Length} bytes)" : "";
                var message = $"The Runtime API refused the answer{size} as larger than Lambda's 6 MB response limit.";
                telemetry.Log(LogLevel.Error, message, exception: e);
                await ReportInvocationErrorAsync(client, invocation, ResponseTooLargeErrorType, new LambdaError(message, ResponseTooLargeErrorType, []), telemetry, stop).ConfigureAwait(false);
            }
            catch (RuntimeApiException e) when (!e.IsContainerError && e.StatusCode is not null)
            {
                // 400 or 403: the API no longer knows this invocation (it restarted, or the deadline passed); the next one matters.
                telemetry.Log(LogLevel.Error, "The Runtime API refused the answer; the runtime takes the next invocation.", exception: e);
            }
            catch (HttpRequestException e) when (e.HttpRequestError != HttpRequestError.ConnectionError)
            {
                // The connection broke while the answer was being sent (an API that answers a large body early and
                // closes, or one that restarted mid-post): whether it arrived is unknown, and the next poll finds out
                // whether the API is still there.
                telemetry.Log(LogLevel.Error, "The answer could not be delivered; the runtime takes the next invocation.", exception: e);
            }
        }

        return true;
    }

    private static async Task ReportInvocationErrorAsync(LambdaRuntimeClient client, LambdaInvocation invocation, string errorType, LambdaError error, Telemetry telemetry, CancellationToken stop)
    {
        try
        {
            await client.SendInvocationErrorAsync(invocation.RequestId, errorType, error, stop).ConfigureAwait(false);
        }
        catch (RuntimeApiException e) when (!e.IsContainerError && e.StatusCode is not null)
        {
            telemetry.Log(LogLevel.Error, "The Runtime API refused the invocation error; the runtime takes the next invocation.", exception: e);
        }
        catch (HttpRequestException e) when (e.HttpRequestError != HttpRequestError.ConnectionError)
        {
            telemetry.Log(LogLevel.Error, "The invocation error could not be delivered; the runtime takes the next invocation.", exception: e);
        }
    }

    private static async Task<int> ReportInitFailureAsync(LambdaRuntimeClient client, Exception failure, TextWriter errorOutput, CancellationToken cancellationToken)
    {
        var errorType = InitErrorType(failure);
        var error = LambdaError.FromException(failure);
        // No telemetry exists yet (it needs the settings that may be missing): the line goes to standard error, which
        // Lambda also sends to the function's log group.
        await errorOutput.WriteLineAsync($"{errorType}: {error.ErrorMessage}").ConfigureAwait(false);
        try
        {
            await client.SendInitErrorAsync(errorType, error, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RuntimeApiException or HttpRequestException or OperationCanceledException)
        {
            await errorOutput.WriteLineAsync($"The init error could not be reported to the Runtime API: {e.Message}").ConfigureAwait(false);
        }

        await errorOutput.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        return InitFailed;
    }
}
