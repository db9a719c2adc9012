using System.Text;
using Microsoft.Extensions.Time.Testing;
using OrderProcessing.Functions.Adapters.Aws;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Functions.Runtime;
using OrderProcessing.Local.Lambda;
using OrderProcessing.Testing.Waiting;
using OrderProcessing.Topology;

namespace OrderProcessing.Local.Tests.Lambda;

/// <summary>
/// The functions' own Runtime API client and invocation loop (OrderProcessing.Functions/Runtime), run in process with a
/// test handler against the local host's <see cref="RuntimeApiServer"/>: what Lambda does to a runtime, done to ours.
/// </summary>
public sealed class RuntimeClientAgainstServerTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(1);

    private readonly List<Task> _loops = [];
    private CancellationTokenSource _stop = null!;

    [SetUp]
    public void CreateStop() => _stop = new CancellationTokenSource();

    [TearDown]
    public async Task StopLoopsAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops).WaitAsync(Generous);
        _loops.Clear();
        _stop.Dispose();
    }

    [Test]
    public async Task Handler_Throws_ReportsTheInvocationErrorAndServesTheNextOne()
    {
        await using var server = await StartServerAsync(Generous);
        _ = Run(server, (input, _) =>
        {
            var text = Encoding.UTF8.GetString(((MemoryStream)input).ToArray());
            return text == "\"fail\""
                ? throw new InvalidOperationException("the handler refused")
                : Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes($"[{text}]")));
        });

        var failure = Assert.ThrowsAsync<FunctionInvocationException>(() => server.InvokeAsync("\"fail\""u8.ToArray(), CancellationToken.None).WaitAsync(Generous));
        var next = await server.InvokeAsync("\"ok\""u8.ToArray(), CancellationToken.None).WaitAsync(Generous);

        Assert.That(failure!.ErrorMessage, Is.EqualTo("the handler refused"));
        Assert.That(failure.ErrorType, Is.EqualTo(typeof(InvalidOperationException).FullName));
        Assert.That(failure.FunctionStackTrace, Is.Not.Empty);
        Assert.That(Encoding.UTF8.GetString(next), Is.EqualTo("[\"ok\"]"));
    }

    [Test]
    public async Task Init_MissingSetting_ReportsAnInitErrorNamingIt()
    {
        await using var server = await StartServerAsync(Generous);
        var pending = server.InvokeAsync("{}"u8.ToArray(), CancellationToken.None).WaitAsync(Generous);
        using var client = new LambdaRuntimeClient(server.Address);
        var errors = new StringWriter();

        // The real composition of the API function, from an environment that lacks every setting.
        var exitCode = await LambdaRuntime.RunAsync(
            client,
            () => FunctionEntryPoints.Create(SystemTopology.Api, FunctionBootstrap.Create(SystemTopology.Api, _ => null, new AwsPortsFactory(AwsClientSettings.Default, AwsClientSettings.Default, TimeProvider.System))),
            new LambdaRuntimeOptions { ErrorOutput = errors },
            _stop.Token);

        var failure = Assert.ThrowsAsync<FunctionInvocationException>(async () => await pending);
        Assert.That(exitCode, Is.EqualTo(LambdaRuntime.InitFailed));
        Assert.That(failure!.ErrorType, Is.EqualTo(FunctionInvocationException.InitErrorType));
        Assert.That(failure.ErrorMessage, Does.Contain(SettingNames.Environment));
        Assert.That(server.InitError?.ErrorType, Is.EqualTo(typeof(MissingSettingException).FullName));
    }

    [Test]
    public async Task Deadline_Passes_CancelsTheHandlerReportsTheTimeoutAndServesTheNextOne()
    {
        // The server's own timeout runs on a clock that never moves, so the failure seen is the one the runtime reports.
        var frozen = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await StartServerAsync(TimeSpan.FromMilliseconds(500), frozen);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loop = Run(server, async (input, cancellationToken) =>
        {
            if (Encoding.UTF8.GetString(((MemoryStream)input).ToArray()) != "\"slow\"")
            {
                return new MemoryStream("\"quick\""u8.ToArray());
            }

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                cancelled.SetResult();
                throw;
            }

            throw new InvalidOperationException("unreachable");
        });

        var failure = Assert.ThrowsAsync<FunctionInvocationException>(() => server.InvokeAsync("\"slow\""u8.ToArray(), CancellationToken.None).WaitAsync(Generous));
        await cancelled.Task.WaitAsync(Generous);
        frozen.Advance(TimeSpan.FromMinutes(1)); // the next invocation's deadline lies a minute ahead of the real clock
        var next = await server.InvokeAsync("\"next\""u8.ToArray(), CancellationToken.None).WaitAsync(Generous);

        // A handler that heeds its token within the grace period leaves the environment usable: the same loop serves on.
        Assert.That(failure!.ErrorType, Is.EqualTo(LambdaRuntime.TimeoutErrorType));
        Assert.That(Encoding.UTF8.GetString(next), Is.EqualTo("\"quick\""));
        Assert.That(loop.IsCompleted, Is.False);
    }

    [Test]
    public async Task Response_Over6MB_FailsTheInvocationAsTooLargeAndTheLoopGoesOn()
    {
        await using var server = await StartServerAsync(Generous);
        _ = Run(server, (input, _) => Task.FromResult<Stream>(((MemoryStream)input).Length == 3
            ? new MemoryStream(new byte[RuntimeApiServer.MaxResponseBytesDefault + 1])
            : new MemoryStream("\"small\""u8.ToArray())));

        var failure = Assert.ThrowsAsync<FunctionInvocationException>(() => server.InvokeAsync("big"u8.ToArray(), CancellationToken.None).WaitAsync(Generous));
        var next = await server.InvokeAsync("{}"u8.ToArray(), CancellationToken.None).WaitAsync(Generous);

        Assert.That(failure!.ErrorType, Is.EqualTo(FunctionInvocationException.ResponseSizeTooLargeErrorType));
        Assert.That(Encoding.UTF8.GetString(next), Is.EqualTo("\"small\""));
    }

    [Test]
    public async Task RuntimeApi_RestartsMidPoll_TheClientRetriesAndServesTheNextInvocation()
    {
        await using var server = await StartServerAsync(Generous);
        var log = new StringWriter();
        var polling = Run(server, (input, _) => Task.FromResult<Stream>(new MemoryStream(((MemoryStream)input).ToArray())), TextWriter.Synchronized(log));
        Assert.That(await server.InvokeAsync("1"u8.ToArray(), CancellationToken.None).WaitAsync(Generous), Is.EqualTo("1"u8.ToArray()));

        // The loop is back in its long poll; the API goes away under it and comes back a moment later.
        await Eventually.TrueAsync(() => server.PollsWaiting == 1, "the loop polls again");
        await server.StopAsync();
        await Task.Delay(300);
        await server.RestartAsync();
        var next = await server.InvokeAsync("2"u8.ToArray(), CancellationToken.None).WaitAsync(Generous);

        Assert.That(next, Is.EqualTo("2"u8.ToArray()));
        Assert.That(log.ToString(), Does.Contain("unreachable; retrying"));
        Assert.That(polling.IsCompleted, Is.False);
    }

    private static Task<RuntimeApiServer> StartServerAsync(TimeSpan timeout, TimeProvider? clock = null) =>
        RuntimeApiServer.StartAsync(new RuntimeApiServerOptions { FunctionName = "ship-order", Timeout = timeout }, clock ?? TimeProvider.System);

    // Runs the invocation loop over a test handler, as the bootstrap runs it over a function.
    private Task<int> Run(RuntimeApiServer server, Func<Stream, CancellationToken, Task<Stream>> handler, TextWriter? log = null)
    {
        var options = new LambdaRuntimeOptions { RetryDelay = TimeSpan.FromMilliseconds(50), MaxRetryDelay = TimeSpan.FromMilliseconds(200), MaxRetryAttempts = 50 };
        var telemetry = new Telemetry(server.FunctionName, "test", log ?? TextWriter.Null, TimeProvider.System);
        var loop = Task.Run(async () =>
        {
            using var client = new LambdaRuntimeClient(server.Address, options);
            return await LambdaRuntime.RunAsync(client, () => new FunctionEntryPoint(server.FunctionName, telemetry, handler), options, _stop.Token);
        });
        _loops.Add(loop);
        return loop;
    }
}
