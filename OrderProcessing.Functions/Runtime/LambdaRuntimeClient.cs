using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Polly;
using Polly.Retry;

namespace OrderProcessing.Functions.Runtime;

/// <summary>
/// A client of the Lambda Runtime API (version 2018-06-01) at <c>AWS_LAMBDA_RUNTIME_API</c>: next invocation, invocation
/// response, invocation error and init error, with the paths, headers, status codes and error body of AWS's specification.
/// A connection the API refuses or drops (it restarted) is retried with exponential backoff through Polly; a status the
/// specification gives for a refusal is thrown as <see cref="RuntimeApiException"/> for the loop to act on.
/// </summary>
public sealed class LambdaRuntimeClient : IDisposable
{
    /// <summary>The environment variable holding the Runtime API's <c>host:port</c>.</summary>
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";

    private readonly HttpClient _http;
    private readonly Lazy<ResiliencePipeline> _poll;
    private readonly Lazy<ResiliencePipeline> _post;
    private readonly Func<HttpRequestException, bool> _pollRetries;
    private readonly Func<HttpRequestException, bool> _postRetries;

    /// <summary>Creates a client of the Runtime API at <paramref name="runtimeApi"/> (<c>host:port</c>).</summary>
    /// <param name="runtimeApi">The API's <c>host:port</c>, as <see cref="RuntimeApiVariable"/> holds it.</param>
    /// <param name="options">Retries and clock; <see cref="LambdaRuntimeOptions"/>'s defaults when null.</param>
    /// <param name="handler">The HTTP handler; a socket handler that keeps its connection when null.</param>
    public LambdaRuntimeClient(string runtimeApi, LambdaRuntimeOptions? options = null, HttpMessageHandler? handler = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runtimeApi);
        if (!Uri.TryCreate($"http://{runtimeApi.Trim()}/2018-06-01/runtime/", UriKind.Absolute, out var baseAddress) || baseAddress.PathAndQuery != "/2018-06-01/runtime/")
        {
            throw new ArgumentException($"{RuntimeApiVariable} must be host:port; it is '{runtimeApi}'.", nameof(runtimeApi));
        }

        options ??= new LambdaRuntimeOptions();
        // No timeout: AWS's specification asks for none on the next-invocation call, which waits while the environment
        // is frozen between invocations; the other calls are answered at once by a local endpoint.
        _http = new HttpClient(handler ?? new SocketsHttpHandler { UseProxy = false, UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        // Waiting for the next invocation is safe to repeat after any transport failure (nothing was handed out); a post
        // is repeated only when it never reached the API, so an answer is never delivered twice.
        _pollRetries = e => e.StatusCode is null;
        _postRetries = e => e.HttpRequestError == HttpRequestError.ConnectionError;
        // Built at the first failure only: building a pipeline validates its options by reflection (DataAnnotations),
        // which under Native AOT cost about a tenth of a cold start's CPU before the first response (perf, issue 13).
        _poll = new Lazy<ResiliencePipeline>(() => Retry(options, _pollRetries));
        _post = new Lazy<ResiliencePipeline>(() => Retry(options, _postRetries));
        RuntimeApi = runtimeApi.Trim();
    }

    /// <summary>The API's <c>host:port</c>.</summary>
    public string RuntimeApi { get; }

    /// <summary>Hears of every retry: the failure and the delay before the next attempt (the loop logs it).</summary>
    public Action<Exception, TimeSpan>? Retrying { get; set; }

    /// <summary>Waits for the next invocation (<c>GET /runtime/invocation/next</c>), with no timeout.</summary>
    /// <exception cref="RuntimeApiException">The API answered other than 200, or without a request id or deadline.</exception>
    /// <exception cref="HttpRequestException">The API stayed unreachable through every retry.</exception>
    public async Task<LambdaInvocation> NextInvocationAsync(CancellationToken cancellationToken)
    {
        return await WithRetriesAsync(
            _poll,
            _pollRetries,
            async token =>
            {
                using var response = await _http.GetAsync("invocation/next", HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw await RefusedAsync("next invocation", response, token).ConfigureAwait(false);
                }

                var body = await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
                return LambdaInvocation.Parse(name => Header(response, name), body);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the invocation's answer (<c>POST /runtime/invocation/{requestId}/response</c>), expecting 202.</summary>
    /// <exception cref="RuntimeApiException">The API refused it: 400, 403, 413 (larger than the 6 MB limit) or 500.</exception>
    public async Task SendResponseAsync(string requestId, Stream response, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        ArgumentNullException.ThrowIfNull(response);
        // Functions answer in memory (a MemoryStream over the JSON), sent from its buffer as it is; anything else is
        // read once, so a retried post sends the same bytes.
        ArraySegment<byte> body;
        if (response is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            body = buffer[(int)memory.Position..];
        }
        else
        {
            using var copy = new MemoryStream();
            await response.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
            body = copy.TryGetBuffer(out var copied) ? copied : copy.ToArray();
        }

        await PostAsync($"invocation/{Uri.EscapeDataString(requestId)}/response", "invocation response", () => new ByteArrayContent(body.Array!, body.Offset, body.Count), null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reports the invocation's failure (<c>POST /runtime/invocation/{requestId}/error</c>), expecting 202.</summary>
    /// <exception cref="RuntimeApiException">The API refused it: 400, 403 or 500.</exception>
    public Task SendInvocationErrorAsync(string requestId, string errorType, LambdaError error, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        return PostErrorAsync($"invocation/{Uri.EscapeDataString(requestId)}/error", "invocation error", errorType, error, cancellationToken);
    }

    /// <summary>Reports that the function could not start (<c>POST /runtime/init/error</c>), expecting 202; the runtime exits after it.</summary>
    /// <exception cref="RuntimeApiException">The API refused it: 403 or 500.</exception>
    public Task SendInitErrorAsync(string errorType, LambdaError error, CancellationToken cancellationToken) =>
        PostErrorAsync("init/error", "init error", errorType, error, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private Task PostErrorAsync(string path, string call, string errorType, LambdaError error, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(errorType);
        ArgumentNullException.ThrowIfNull(error);
        var body = JsonSerializer.SerializeToUtf8Bytes(error, RuntimeJsonContext.Default.LambdaError);
        return PostAsync(path, call, () =>
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return content;
        }, errorType, cancellationToken);
    }

    private async Task PostAsync(string path, string call, Func<HttpContent> content, string? errorType, CancellationToken cancellationToken)
    {
        await WithRetriesAsync(
            _post,
            _postRetries,
            async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content() };
                if (errorType is not null)
                {
                    request.Headers.TryAddWithoutValidation(RuntimeApiHeaders.FunctionErrorType, errorType);
                }

                using var response = await _http.SendAsync(request, token).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    throw await RefusedAsync(call, response, token).ConfigureAwait(false);
                }

                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    // The first attempt runs as it is; only a transient failure brings in the retry pipeline, whose first "attempt"
    // replays that failure, so the attempts, delays and Retrying calls are exactly those of the pipeline run from the start.
    private static async Task<T> WithRetriesAsync<T>(Lazy<ResiliencePipeline> pipeline, Func<HttpRequestException, bool> transient, Func<CancellationToken, ValueTask<T>> attempt, CancellationToken cancellationToken)
    {
        HttpRequestException? firstFailure;
        try
        {
            return await attempt(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (transient(e))
        {
            firstFailure = e;
        }

        return await pipeline.Value.ExecuteAsync(
            token =>
            {
                var failure = Interlocked.Exchange(ref firstFailure, null);
                return failure is null ? attempt(token) : ValueTask.FromException<T>(failure);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private ResiliencePipeline Retry(LambdaRuntimeOptions options, Func<HttpRequestException, bool> transient) =>
        new ResiliencePipelineBuilder { TimeProvider = options.Clock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle(transient),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                MaxRetryAttempts = options.MaxRetryAttempts,
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is { } failure)
                    {
                        Retrying?.Invoke(failure, args.RetryDelay);
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    private static async Task<RuntimeApiException> RefusedAsync(string call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // The API's error body ({"errorMessage","errorType"}) is quoted as sent, cut short: it explains the refusal.
        var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (detail.Length > 500)
        {
            detail = detail[..500];
        }

        return new RuntimeApiException($"The Runtime API refused the {call}: {(int)response.StatusCode} {response.ReasonPhrase} {detail}".TrimEnd(), response.StatusCode);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
