using OrderProcessing.Functions.Runtime;
using System.Buffers;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace OrderProcessing.Local.Lambda;

/// <summary>
/// The Lambda Runtime API (version 2018-06-01) for one function, written from AWS's published specification ("Using the
/// Lambda runtime API for custom runtimes"), on 127.0.0.1: a runtime (the AOT <c>bootstrap</c> as a child process, or
/// the runtime client in a test) long-polls <c>GET /runtime/invocation/next</c>, answers on
/// <c>POST /runtime/invocation/{id}/response</c> or <c>/error</c>, and reports a failed start on
/// <c>POST /runtime/init/error</c>. Callers queue invocations with <see cref="InvokeAsync(ReadOnlyMemory{byte}, CancellationToken)"/>
/// and get the response bytes, or a <see cref="FunctionInvocationException"/> as Lambda reports the failure.
/// </summary>
/// <remarks>
/// Status codes as the specification gives them: 202 for an accepted response or error; 400 for an unknown request id
/// (or one already answered or timed out); 403 for a call the runtime's state does not allow (an init error after the
/// runtime has asked for its first invocation); 413 for a response over <see cref="RuntimeApiServerOptions.MaxResponseBytes"/>,
/// which fails the invocation with <c>Function.ResponseSizeTooLarge</c>; 500 (the "container error": the runtime should
/// exit) for <c>next</c> once the function has failed its init. Error bodies are <c>{"errorMessage","errorType"}</c>.
/// One invocation runs at a time per runtime, as in one Lambda execution environment; more wait in order.
/// </remarks>
public sealed class RuntimeApiServer : IAsyncDisposable
{
    /// <summary>Lambda's limit on a synchronous invocation's response: 6 MB.</summary>
    public const int MaxResponseBytesDefault = 6 * 1024 * 1024;

    private const string InvocationPath = RuntimeApiHeaders.VersionPrefix + "/runtime/invocation";

    private readonly RuntimeApiServerOptions _options;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly LinkedList<Invocation> _queued = new();
    private readonly Dictionary<string, Invocation> _inFlight = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _available = new(0);
    private WebApplication? _app;
    private CancellationTokenSource _stopping = new();

    // Cancelled when the environment ends, so a poll of the process that ended can never take a later invocation.
    private CancellationTokenSource _environment = new();
    private int _pollsWaiting;
    private bool _initDone;
    private RuntimeApiError? _initError;

    private RuntimeApiServer(RuntimeApiServerOptions options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
    }

    /// <summary>Raised when the runtime reports an init error (the function then fails every invocation until <see cref="ResetEnvironment"/>).</summary>
    public event Action<RuntimeApiError>? InitFailed;

    /// <summary>Raised when an invocation passes its deadline; Lambda then discards the execution environment.</summary>
    public event Action<string>? InvocationTimedOut;

    /// <summary>The function this server serves.</summary>
    public string FunctionName => _options.FunctionName;

    /// <summary>Where the API listens, as <c>AWS_LAMBDA_RUNTIME_API</c> gives it: <c>127.0.0.1:port</c>.</summary>
    public string Address { get; private set; } = "";

    /// <summary>The port the API listens on (kept across <see cref="StopAsync"/> and <see cref="RestartAsync"/>).</summary>
    public int Port { get; private set; }

    /// <summary>The init error the runtime reported, if it did.</summary>
    public RuntimeApiError? InitError
    {
        get
        {
            lock (_gate)
            {
                return _initError;
            }
        }
    }

    /// <summary>The next-invocation calls waiting now (tests wait for a runtime's poll to be in place).</summary>
    internal int PollsWaiting => Volatile.Read(ref _pollsWaiting);

    /// <summary>Starts a server for the function <paramref name="options"/> describe.</summary>
    public static async Task<RuntimeApiServer> StartAsync(RuntimeApiServerOptions options, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.FunctionName);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Timeout, TimeSpan.Zero);
        var server = new RuntimeApiServer(options, clock ?? TimeProvider.System);
        await server.ListenAsync(options.Port, cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>Invokes the function with <paramref name="payload"/> and returns its response.</summary>
    /// <exception cref="FunctionInvocationException">The invocation failed, timed out, or the function failed its init.</exception>
    public Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        InvokeAsync(payload, clientContext: null, cognitoIdentity: null, cancellationToken);

    /// <summary>
    /// Invokes the function with <paramref name="payload"/>, passing the mobile SDK's client context and Cognito identity
    /// (JSON, as their headers carry them) when set. Cancelling stops waiting; an invocation not yet taken is withdrawn.
    /// </summary>
    /// <exception cref="FunctionInvocationException">The invocation failed, timed out, or the function failed its init.</exception>
    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, string? clientContext, string? cognitoIdentity, CancellationToken cancellationToken)
    {
        var invocation = new Invocation(Guid.NewGuid().ToString(), payload.ToArray(), clientContext, cognitoIdentity, NewTraceId());
        lock (_gate)
        {
            if (_initError is { } initError)
            {
                throw InitFailure(invocation.RequestId, initError);
            }

            _queued.AddLast(invocation);
        }

        _available.Release();
        using var registration = cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                _queued.Remove(invocation);
            }

            invocation.Result.TrySetCanceled(cancellationToken);
        });
        return await invocation.Result.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// Starts a new execution environment after the runtime process ended (it crashed, or the host stopped it after a
    /// timeout): invocations it had taken fail with <c>Runtime.ExitError</c> as Lambda reports them, and the new runtime
    /// may initialise (and report an init error) again. Queued invocations wait for it.
    /// </summary>
    public void ResetEnvironment(string exitReason)
    {
        List<Invocation> lost;
        CancellationTokenSource ended;
        lock (_gate)
        {
            lost = [.. _inFlight.Values];
            _inFlight.Clear();
            _initDone = false;
            _initError = null;
            ended = _environment;
            _environment = new CancellationTokenSource();
        }

        ended.Cancel();
        ended.Dispose();

        foreach (var invocation in lost)
        {
            invocation.Fail(new FunctionInvocationException(FunctionName, invocation.RequestId, new RuntimeApiError(
                $"RequestId: {invocation.RequestId} Error: Runtime exited: {exitReason}", "Runtime.ExitError")));
        }
    }

    /// <summary>Stops listening; queued and taken invocations are kept for a <see cref="RestartAsync"/>. Long polls are dropped.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        var app = _app;
        _app = null;
        if (app is null)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await app.StopAsync(cancellationToken).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Listens again on the same port after <see cref="StopAsync"/>, as an API that came back.</summary>
    public Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException($"The Runtime API of '{FunctionName}' is already listening.");
        }

        _stopping.Dispose();
        _stopping = new CancellationTokenSource();
        return ListenAsync(Port, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        List<Invocation> pending;
        lock (_gate)
        {
            pending = [.. _queued, .. _inFlight.Values];
            _queued.Clear();
            _inFlight.Clear();
        }

        foreach (var invocation in pending)
        {
            invocation.Fail(new ObjectDisposedException(nameof(RuntimeApiServer), $"The Runtime API of '{FunctionName}' stopped."));
        }

        _stopping.Dispose();
        _environment.Dispose();
        _available.Dispose();
    }

    private static string NewTraceId()
    {
        // The X-Ray trace header format: Root=1-{epoch seconds, 8 hex}-{96-bit random, 24 hex};Parent={64-bit, 16 hex}.
        var seconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString("x8", CultureInfo.InvariantCulture);
        return $"Root=1-{seconds}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))};Parent={Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))};Sampled=0";
    }

    private static async Task WriteErrorAsync(HttpContext context, int status, string errorType, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, new RuntimeApiError(message, errorType), RuntimeApiJsonContext.Default.RuntimeApiError, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task AcceptedAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"status\":\"OK\"}", context.RequestAborted).ConfigureAwait(false);
    }

    // Reads at most limit + 1 bytes: enough to tell an oversized body without holding all of it.
    private static async Task<(byte[] Body, bool TooLarge)> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return ([], true);
        }

        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var memory = buffer.GetMemory(81920);
            var read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return (buffer.WrittenSpan.ToArray(), false);
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return ([], true);
            }
        }
    }

    private static RuntimeApiError ReadError(byte[] body, HttpRequest request)
    {
        RuntimeApiError? posted = null;
        try
        {
            posted = body.Length == 0 ? null : JsonSerializer.Deserialize(body, RuntimeApiJsonContext.Default.RuntimeApiError);
        }
        catch (JsonException)
        {
            // The specification asks for the error document; a runtime that sends anything else still failed the invocation.
        }

        var headerType = request.Headers[RuntimeApiHeaders.FunctionErrorType].ToString();
        return new RuntimeApiError(
            posted?.ErrorMessage ?? (posted is null && body.Length > 0 ? System.Text.Encoding.UTF8.GetString(body) : ""),
            posted?.ErrorType ?? (headerType.Length > 0 ? headerType : "Unhandled"),
            posted?.StackTrace);
    }

    private FunctionInvocationException InitFailure(string requestId, RuntimeApiError initError) =>
        new(FunctionName, requestId, new RuntimeApiError($"{initError.ErrorType}: {initError.ErrorMessage}", FunctionInvocationException.InitErrorType, initError.StackTrace));

    private async Task ListenAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);

            // The response limit is Lambda's, checked while reading; Kestrel's own default (30 MB) would answer first.
            kestrel.Limits.MaxRequestBodySize = null;
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.MapGet(InvocationPath + "/next", NextAsync);
        app.MapPost(InvocationPath + "/{requestId}/response", ResponseAsync);
        app.MapPost(InvocationPath + "/{requestId}/error", ErrorAsync);
        app.MapPost(RuntimeApiHeaders.VersionPrefix + "/runtime/init/error", InitErrorAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Port = new Uri(address).Port;
        Address = $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";
        _app = app;
    }

    private async Task NextAsync(HttpContext context)
    {
        CancellationToken environment;
        lock (_gate)
        {
            // The first call of next ends the init phase, as in Lambda.
            _initDone = _initError is null || _initDone;
            environment = _environment.Token;
        }

        using var poll = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token, environment);

        Invocation? invocation = null;
        while (invocation is null)
        {
            if (InitError is { } failed)
            {
                await WriteErrorAsync(context, StatusCodes.Status500InternalServerError, FunctionInvocationException.InitErrorType,
                    $"The function failed its init ({failed.ErrorType}: {failed.ErrorMessage}); the runtime should exit.").ConfigureAwait(false);
                return;
            }

            Interlocked.Increment(ref _pollsWaiting);
            try
            {
                await _available.WaitAsync(poll.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The runtime went away, or the API is stopping (the connection drops, as when an API goes down): nothing
                // was taken, so nothing is lost.
                context.Abort();
                return;
            }
            finally
            {
                Interlocked.Decrement(ref _pollsWaiting);
            }

            if (poll.IsCancellationRequested)
            {
                // Granted in the same moment it was cancelled (SemaphoreSlim then reports the grant): pass it on.
                _available.Release();
                context.Abort();
                return;
            }

            lock (_gate)
            {
                if (_queued.First is { } first)
                {
                    _queued.RemoveFirst();
                    invocation = first.Value;
                    invocation.Deadline = _clock.GetUtcNow() + _options.Timeout;
                    _inFlight[invocation.RequestId] = invocation;
                }
            }
        }

        invocation.Timer = _clock.CreateTimer(_ => TimeOut(invocation), null, _options.Timeout, Timeout.InfiniteTimeSpan);
        var headers = context.Response.Headers;
        headers[RuntimeApiHeaders.RequestId] = invocation.RequestId;
        headers[RuntimeApiHeaders.DeadlineMs] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers[RuntimeApiHeaders.InvokedFunctionArn] = _options.FunctionArn;
        headers[RuntimeApiHeaders.TraceId] = invocation.TraceId;
        if (invocation.ClientContext is not null)
        {
            headers[RuntimeApiHeaders.ClientContext] = invocation.ClientContext;
        }

        if (invocation.CognitoIdentity is not null)
        {
            headers[RuntimeApiHeaders.CognitoIdentity] = invocation.CognitoIdentity;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = invocation.Payload.Length;
        try
        {
            await context.Response.Body.WriteAsync(invocation.Payload, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // Taken but not delivered: the runtime never saw it, so it goes back to the front of the queue.
            Requeue(invocation);
        }
    }

    private void Requeue(Invocation invocation)
    {
        lock (_gate)
        {
            if (!_inFlight.Remove(invocation.RequestId))
            {
                return;
            }

            invocation.Timer?.Dispose();
            _queued.AddFirst(invocation);
        }

        _available.Release();
    }

    private async Task ResponseAsync(HttpContext context, string requestId)
    {
        if (Taken(requestId) is null)
        {
            await UnknownRequestAsync(context, requestId).ConfigureAwait(false);
            return;
        }

        var (body, tooLarge) = await ReadBodyAsync(context.Request, _options.MaxResponseBytes, context.RequestAborted).ConfigureAwait(false);
        var invocation = Settle(requestId);
        if (invocation is null)
        {
            // Timed out (or answered) while the body was read.
            await UnknownRequestAsync(context, requestId).ConfigureAwait(false);
            return;
        }

        if (tooLarge)
        {
            var limit = _options.MaxResponseBytes.ToString(CultureInfo.InvariantCulture);
            invocation.Fail(new FunctionInvocationException(FunctionName, requestId, new RuntimeApiError(
                $"Response payload size exceeded maximum allowed payload size ({limit} bytes).", FunctionInvocationException.ResponseSizeTooLargeErrorType)));
            await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, "RequestEntityTooLarge",
                $"Exceeded maximum allowed payload size ({limit} bytes).").ConfigureAwait(false);
            return;
        }

        invocation.Result.TrySetResult(body);
        await AcceptedAsync(context).ConfigureAwait(false);
    }

    private async Task ErrorAsync(HttpContext context, string requestId)
    {
        if (Taken(requestId) is null)
        {
            await UnknownRequestAsync(context, requestId).ConfigureAwait(false);
            return;
        }

        var (body, _) = await ReadBodyAsync(context.Request, _options.MaxResponseBytes, context.RequestAborted).ConfigureAwait(false);
        var invocation = Settle(requestId);
        if (invocation is null)
        {
            await UnknownRequestAsync(context, requestId).ConfigureAwait(false);
            return;
        }

        invocation.Fail(new FunctionInvocationException(FunctionName, requestId, ReadError(body, context.Request)));
        await AcceptedAsync(context).ConfigureAwait(false);
    }

    private async Task InitErrorAsync(HttpContext context)
    {
        var (body, _) = await ReadBodyAsync(context.Request, _options.MaxResponseBytes, context.RequestAborted).ConfigureAwait(false);
        var error = ReadError(body, context.Request);
        List<Invocation>? failed = null;
        lock (_gate)
        {
            if (!_initDone)
            {
                _initError = error;
                failed = [.. _queued];
                _queued.Clear();
            }
        }

        if (failed is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status403Forbidden, "InvalidStateTransition",
                "The runtime has already asked for an invocation, so its init is over: report the error on the invocation instead.").ConfigureAwait(false);
            return;
        }

        foreach (var invocation in failed)
        {
            invocation.Fail(InitFailure(invocation.RequestId, error));
        }

        InitFailed?.Invoke(error);
        await AcceptedAsync(context).ConfigureAwait(false);
    }

    private Task UnknownRequestAsync(HttpContext context, string requestId) =>
        WriteErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidRequestID",
            $"Invalid request ID: '{requestId}' is not an invocation in progress (unknown, already answered or timed out).");

    private Invocation? Taken(string requestId)
    {
        lock (_gate)
        {
            return _inFlight.GetValueOrDefault(requestId);
        }
    }

    private Invocation? Settle(string requestId)
    {
        lock (_gate)
        {
            if (!_inFlight.Remove(requestId, out var invocation))
            {
                return null;
            }

            invocation.Timer?.Dispose();
            return invocation;
        }
    }

    private void TimeOut(Invocation invocation)
    {
        if (Settle(invocation.RequestId) is null)
        {
            return;
        }

        var seconds = _options.Timeout.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        invocation.Fail(new FunctionInvocationException(FunctionName, invocation.RequestId, new RuntimeApiError(
            $"{_clock.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ} {invocation.RequestId} Task timed out after {seconds} seconds", FunctionInvocationException.TimeoutErrorType)));
        InvocationTimedOut?.Invoke(invocation.RequestId);
    }

    private sealed class Invocation(string requestId, byte[] payload, string? clientContext, string? cognitoIdentity, string traceId)
    {
        public string RequestId { get; } = requestId;

        public byte[] Payload { get; } = payload;

        public string? ClientContext { get; } = clientContext;

        public string? CognitoIdentity { get; } = cognitoIdentity;

        public string TraceId { get; } = traceId;

        public DateTimeOffset Deadline { get; set; }

        public ITimer? Timer { get; set; }

        public TaskCompletionSource<byte[]> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Fail(Exception error) => Result.TrySetException(error);
    }
}
