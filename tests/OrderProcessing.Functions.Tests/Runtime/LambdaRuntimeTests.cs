using System.Net;
using System.Text;
using System.Text.Json;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Functions.Runtime;
using OrderProcessing.Functions.Tests.Support;
using OrderProcessing.Testing.Time;

namespace OrderProcessing.Functions.Tests.Runtime;

/// <summary>The invocation loop against a scripted Runtime API: what it posts for each outcome, and that it goes on.</summary>
[NonParallelizable] // the loop sets the process's _X_AMZN_TRACE_ID
public sealed class LambdaRuntimeTests
{
    private static readonly DateTimeOffset Later = TestClock.Start.AddMinutes(5);

    [Test]
    public async Task Invocation_Answered_PostsTheAnswerToItsResponsePath()
    {
        var run = new Run();
        run.Api.Invocation("r-1", """{"ping":1}""", Later);

        var exit = await run.StartAsync((input, _) => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes("echo:" + new StreamReader(input).ReadToEnd()))));

        Assert.That(exit, Is.EqualTo(LambdaRuntime.Stopped));
        Assert.That(run.Api.Posts, Is.EqualTo(new[] { ("invocation/r-1/response", (string?)null, """echo:{"ping":1}""") }));
    }

    [Test]
    public async Task HandlerThrows_InvocationErrorIsPosted_AndTheNextInvocationRuns()
    {
        var run = new Run();
        run.Api.Invocation("r-1", "{}", Later).Invocation("r-2", "{}", Later);
        var calls = 0;

        var exit = await run.StartAsync((_, _) => ++calls == 1 ? throw new InvalidOperationException("first fails") : Task.FromResult<Stream>(new MemoryStream("{}"u8.ToArray())));

        Assert.That(exit, Is.EqualTo(LambdaRuntime.Stopped));
        Assert.That(run.Api.Posts.Select(p => (p.Path, p.ErrorType)), Is.EqualTo(new[] { ("invocation/r-1/error", (string?)LambdaRuntime.UnhandledErrorType), ("invocation/r-2/response", null) }));
        using var body = JsonDocument.Parse(run.Api.Posts[0].Body);
        Assert.That(body.RootElement.GetProperty("errorMessage").GetString(), Is.EqualTo("first fails"));
        Assert.That(body.RootElement.GetProperty("errorType").GetString(), Is.EqualTo("System.InvalidOperationException"));
        Assert.That(body.RootElement.GetProperty("stackTrace").ValueKind, Is.EqualTo(JsonValueKind.Array));
    }

    [Test]
    public async Task InitFails_InitErrorNamesTheSetting_AndTheRuntimeExitsNonZero()
    {
        var run = new Run();
        run.Api.Invocation("r-1", "{}", Later);

        var exit = await run.StartAsync(() => throw new MissingSettingException("api", ["ORDERS_TABLE"]));

        Assert.That(exit, Is.EqualTo(LambdaRuntime.InitFailed));
        Assert.That(run.Api.NextCalls, Is.Zero, "no invocation is taken after a failed init");
        Assert.That(run.Api.Posts, Has.Count.EqualTo(1));
        Assert.That(run.Api.Posts[0].Path, Is.EqualTo("init/error"));
        Assert.That(run.Api.Posts[0].ErrorType, Is.EqualTo(LambdaRuntime.ConfigInvalidErrorType));
        Assert.That(JsonDocument.Parse(run.Api.Posts[0].Body).RootElement.GetProperty("errorMessage").GetString(), Does.Contain("ORDERS_TABLE"));
        Assert.That(run.ErrorOutput.ToString(), Does.Contain("ORDERS_TABLE"));
    }

    [Test]
    public async Task UnknownHandler_IsReportedAsNoSuchHandler()
    {
        var run = new Run();

        var exit = await run.StartAsync(() => throw new UnknownFunctionException("nope"));

        Assert.That(exit, Is.EqualTo(LambdaRuntime.InitFailed));
        Assert.That(run.Api.Posts.Single().ErrorType, Is.EqualTo(LambdaRuntime.NoSuchHandlerErrorType));
    }

    [Test]
    public async Task DeadlinePassed_HandlersTokenIsCancelled_AndATimeoutErrorIsPosted()
    {
        var run = new Run();
        run.Api.Invocation("r-1", "{}", TestClock.Start.AddMilliseconds(-1)).Invocation("r-2", "{}", Later);
        var sawCancelled = new List<bool>();

        var exit = await run.StartAsync(async (_, token) =>
        {
            sawCancelled.Add(token.IsCancellationRequested);
            token.ThrowIfCancellationRequested();
            await Task.Yield();
            return new MemoryStream("{}"u8.ToArray());
        });

        Assert.That(exit, Is.EqualTo(LambdaRuntime.Stopped), "a function that stops at its deadline leaves the loop running");
        Assert.That(sawCancelled, Is.EqualTo(new[] { true, false }));
        Assert.That(run.Api.Posts.Select(p => (p.Path, p.ErrorType)), Is.EqualTo(new[] { ("invocation/r-1/error", (string?)LambdaRuntime.TimeoutErrorType), ("invocation/r-2/response", null) }));
    }

    [Test]
    public async Task HandlerIgnoringItsDeadline_EndsTheProcessAsLambdaWould()
    {
        var run = new Run();
        run.Api.Invocation("r-1", "{}", TestClock.Start.AddMilliseconds(-1)).Invocation("r-2", "{}", Later);
        var never = new TaskCompletionSource<Stream>();

        var exit = await run.StartAsync((_, _) => never.Task);

        Assert.That(exit, Is.EqualTo(LambdaRuntime.DeadlineExceeded));
        Assert.That(run.Api.Posts.Select(p => p.Path), Is.EqualTo(new[] { "invocation/r-1/error" }));
    }

    [Test]
    public async Task ResponseRefusedAsTooLarge_IsReported_AndTheNextInvocationRuns()
    {
        var run = new Run();
        run.Api.Invocation("r-1", "{}", Later).Invocation("r-2", "{}", Later);
        run.Api.PostStatus["r-1/response"] = HttpStatusCode.RequestEntityTooLarge;

        var exit = await run.StartAsync((_, _) => Task.FromResult<Stream>(new MemoryStream(new byte[7 * 1024 * 1024])));

        Assert.That(exit, Is.EqualTo(LambdaRuntime.Stopped));
        Assert.That(run.Api.Posts.Select(p => (p.Path, p.ErrorType)), Is.EqualTo(new[]
        {
            ("invocation/r-1/response", (string?)null),
            ("invocation/r-1/error", LambdaRuntime.ResponseTooLargeErrorType),
            ("invocation/r-2/response", null),
        }));
        Assert.That(JsonDocument.Parse(run.Api.Posts[1].Body).RootElement.GetProperty("errorMessage").GetString(), Does.Contain("7340032 bytes").And.Contain("6 MB"));
        Assert.That(run.Output.ToString(), Does.Contain("\"awsRequestId\":\"r-1\"").And.Contain("6 MB"));
    }

    [Test]
    public async Task ConnectionBrokenWhileTheAnswerIsSent_IsLogged_AndTheNextInvocationRuns()
    {
        var run = new Run();
        run.Api.Invocation("r-1", "{}", Later).Invocation("r-2", "{}", Later);
        run.Api.BrokenPosts.Add("r-1/response");

        var exit = await run.StartAsync((_, _) => Task.FromResult<Stream>(new MemoryStream("{}"u8.ToArray())));

        Assert.That(exit, Is.EqualTo(LambdaRuntime.Stopped));
        Assert.That(run.Api.Posts.Select(p => p.Path), Is.EqualTo(new[] { "invocation/r-1/response", "invocation/r-2/response" }), "a post that may have arrived is not sent twice");
        Assert.That(run.Output.ToString(), Does.Contain("could not be delivered"));
    }

    [Test]
    public async Task RuntimeApiRefusingConnections_IsRetried_AndTheLoopResumes()
    {
        var run = new Run();
        run.Api.Invocation("r-1", "{}", Later).Refused().Refused().Invocation("r-2", "{}", Later);

        var exit = await run.StartAsync((_, _) => Task.FromResult<Stream>(new MemoryStream("{}"u8.ToArray())));

        Assert.That(exit, Is.EqualTo(LambdaRuntime.Stopped));
        Assert.That(run.Api.Posts.Select(p => p.Path), Is.EqualTo(new[] { "invocation/r-1/response", "invocation/r-2/response" }));
        Assert.That(run.Output.ToString().Split('\n').Count(l => l.Contains("unreachable", StringComparison.Ordinal)), Is.EqualTo(2), "each retry is logged");
    }

    [Test]
    public async Task RuntimeApiUnreachableThroughEveryRetry_EndsTheRuntime()
    {
        var run = new Run();
        for (var i = 0; i <= Run.Options.MaxRetryAttempts; i++)
        {
            run.Api.Refused();
        }

        var exit = await run.StartAsync((_, _) => Task.FromResult<Stream>(new MemoryStream()));

        Assert.That(exit, Is.EqualTo(LambdaRuntime.RuntimeApiFailed));
    }

    [Test]
    public async Task ContainerError_EndsTheRuntime()
    {
        var run = new Run();
        run.Api.Status(HttpStatusCode.InternalServerError).Invocation("r-1", "{}", Later);

        var exit = await run.StartAsync((_, _) => Task.FromResult<Stream>(new MemoryStream()));

        Assert.That(exit, Is.EqualTo(LambdaRuntime.RuntimeApiFailed));
        Assert.That(run.Api.Posts, Is.Empty);
    }

    [Test]
    public async Task TraceHeader_IsTheFunctionsXAmznTraceId_ForItsInvocationOnly()
    {
        var run = new Run();
        run.Api.Invocation("r-1", "{}", Later, traceId: "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Sampled=1").Invocation("r-2", "{}", Later);
        var seen = new List<string?>();

        await run.StartAsync((_, _) =>
        {
            seen.Add(Environment.GetEnvironmentVariable(LambdaRuntime.TraceIdVariable));
            return Task.FromResult<Stream>(new MemoryStream());
        });

        Assert.That(seen, Is.EqualTo(new[] { "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Sampled=1", null }));
    }

    [Test]
    public async Task FunctionsLogLines_NameTheInvocationsRequestId()
    {
        var run = new Run();
        run.Api.Invocation("r-1", "{}", Later).Invocation("r-2", "{}", Later);

        await run.StartAsync((_, _) =>
        {
            run.Telemetry.Log(LogLevel.Info, "working");
            return Task.FromResult<Stream>(new MemoryStream());
        });

        var lines = run.Output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.That(lines.Select(l => l.GetProperty("awsRequestId").GetString()), Is.EqualTo(new[] { "r-1", "r-2" }));
    }

    [Test]
    public void Client_RuntimeApiNotHostAndPort_IsRefusedNamingTheVariable()
    {
        Assert.That(() => new LambdaRuntimeClient("http://127.0.0.1:9001/path"), Throws.ArgumentException.With.Message.Contains(LambdaRuntimeClient.RuntimeApiVariable));
    }

    /// <summary>One loop over a scripted API, with a fake clock for deadlines and retries that wait a millisecond.</summary>
    private sealed class Run
    {
        public static readonly LambdaRuntimeOptions Options = new() { MaxRetryAttempts = 3, RetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(1) };

        private readonly CancellationTokenSource _stop = new();

        public Run()
        {
            Api = new ScriptedRuntimeApi(_stop);
            Telemetry = new Telemetry("test", "test", Output, TestClock.New());
        }

        public ScriptedRuntimeApi Api { get; }

        public StringWriter Output { get; } = new();

        public StringWriter ErrorOutput { get; } = new();

        public Telemetry Telemetry { get; }

        public Task<int> StartAsync(Func<Stream, CancellationToken, Task<Stream>> handler) =>
            StartAsync(() => new FunctionEntryPoint("test", Telemetry, handler));

        public async Task<int> StartAsync(Func<FunctionEntryPoint> initialize)
        {
            using var client = new LambdaRuntimeClient("127.0.0.1:9001", Options, Api);
            // Deadlines are read on a clock standing at TestClock.Start; retries wait on the real one (1 ms).
            var options = Options with { Clock = new DeadlineClock(), ErrorOutput = ErrorOutput };
            return await LambdaRuntime.RunAsync(client, initialize, options, _stop.Token).WaitAsync(TimeSpan.FromMinutes(1));
        }
    }

    /// <summary>Stands at <see cref="TestClock.Start"/> for deadlines, while its timers run on real time.</summary>
    private sealed class DeadlineClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => TestClock.Start;
    }
}
