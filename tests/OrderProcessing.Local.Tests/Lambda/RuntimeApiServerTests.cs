using System.Net;
using System.Text;
using System.Text.Json;
using OrderProcessing.Local.Lambda;

namespace OrderProcessing.Local.Tests.Lambda;

/// <summary>
/// The Runtime API as AWS's specification gives it, spoken to over a raw HttpClient as a custom runtime speaks it:
/// paths, headers, status codes and error bodies.
/// </summary>
public sealed class RuntimeApiServerTests
{
    private const string Next = "/2018-06-01/runtime/invocation/next";

    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(1);

    private RuntimeApiServer _server = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _server = await RuntimeApiServer.StartAsync(new RuntimeApiServerOptions { FunctionName = "ship-order", Timeout = Generous, Region = "eu-west-1" });
        _http = new HttpClient { BaseAddress = new Uri($"http://{_server.Address}"), Timeout = Generous };
    }

    [TearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task Next_WithAQueuedInvocation_GivesThePayloadAndTheSpecifiedHeaders()
    {
        var invocation = _server.InvokeAsync(Encoding.UTF8.GetBytes("{\"a\":1}"), "{\"client\":{}}", "{\"cognitoIdentityId\":\"x\"}", CancellationToken.None);

        using var next = await _http.GetAsync(new Uri(Next, UriKind.Relative));

        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await next.Content.ReadAsStringAsync(), Is.EqualTo("{\"a\":1}"));
        Assert.That(Guid.TryParse(Header(next, "Lambda-Runtime-Aws-Request-Id"), out _), Is.True);
        Assert.That(long.Parse(Header(next, "Lambda-Runtime-Deadline-Ms"), System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        Assert.That(Header(next, "Lambda-Runtime-Invoked-Function-Arn"), Is.EqualTo("arn:aws:lambda:eu-west-1:000000000000:function:ship-order"));
        Assert.That(Header(next, "Lambda-Runtime-Trace-Id"), Does.Match("^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$"));
        Assert.That(Header(next, "Lambda-Runtime-Client-Context"), Is.EqualTo("{\"client\":{}}"));
        Assert.That(Header(next, "Lambda-Runtime-Cognito-Identity"), Is.EqualTo("{\"cognitoIdentityId\":\"x\"}"));
        Assert.That(invocation.IsCompleted, Is.False);
    }

    [Test]
    public async Task Next_WithoutMobileContext_SendsNoClientContextOrCognitoHeaders()
    {
        _ = _server.InvokeAsync("{}"u8.ToArray(), CancellationToken.None);

        using var next = await _http.GetAsync(new Uri(Next, UriKind.Relative));

        Assert.That(next.Headers.Contains("Lambda-Runtime-Client-Context") || next.Headers.Contains("Lambda-Runtime-Cognito-Identity"), Is.False);
    }

    [Test]
    public async Task Next_BeforeAnyInvocation_WaitsUntilOneIsQueued()
    {
        var poll = _http.GetAsync(new Uri(Next, UriKind.Relative));
        await Task.Delay(200);
        Assert.That(poll.IsCompleted, Is.False);

        _ = _server.InvokeAsync("{\"late\":true}"u8.ToArray(), CancellationToken.None);
        using var next = await poll;

        Assert.That(await next.Content.ReadAsStringAsync(), Is.EqualTo("{\"late\":true}"));
    }

    [Test]
    public async Task Response_ToATakenInvocation_IsAcceptedAndCompletesTheInvocation()
    {
        var invocation = _server.InvokeAsync("{}"u8.ToArray(), CancellationToken.None);
        var id = await TakeAsync();

        using var posted = await _http.PostAsync(new Uri($"/2018-06-01/runtime/invocation/{id}/response", UriKind.Relative), new StringContent("{\"ok\":true}"));

        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(Encoding.UTF8.GetString(await invocation), Is.EqualTo("{\"ok\":true}"));
    }

    [Test]
    public async Task Response_ForAnUnknownRequestId_Is400WithTheErrorShape()
    {
        using var posted = await _http.PostAsync(new Uri("/2018-06-01/runtime/invocation/no-such-id/response", UriKind.Relative), new StringContent("{}"));

        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var error = await ErrorOf(posted);
        Assert.That(error.ErrorType, Is.EqualTo("InvalidRequestID"));
        Assert.That(error.ErrorMessage, Does.Contain("no-such-id"));
    }

    [Test]
    public async Task Response_PostedTwice_IsRejectedTheSecondTime()
    {
        var invocation = _server.InvokeAsync("{}"u8.ToArray(), CancellationToken.None);
        var id = await TakeAsync();
        using var first = await _http.PostAsync(new Uri($"/2018-06-01/runtime/invocation/{id}/response", UriKind.Relative), new StringContent("1"));

        using var second = await _http.PostAsync(new Uri($"/2018-06-01/runtime/invocation/{id}/response", UriKind.Relative), new StringContent("2"));

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Encoding.UTF8.GetString(await invocation), Is.EqualTo("1"));
    }

    [Test]
    public async Task Response_AtExactly6MB_IsAccepted()
    {
        var invocation = _server.InvokeAsync("{}"u8.ToArray(), CancellationToken.None);
        var id = await TakeAsync();

        using var posted = await _http.PostAsync(new Uri($"/2018-06-01/runtime/invocation/{id}/response", UriKind.Relative), new ByteArrayContent(new byte[6_291_456]));

        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That((await invocation).Length, Is.EqualTo(6_291_456));
    }

    [Test]
    public async Task Response_Of6MBAndOneByte_Is413AndFailsTheInvocationAsLambdaDoes()
    {
        var invocation = _server.InvokeAsync("{}"u8.ToArray(), CancellationToken.None);
        var id = await TakeAsync();

        using var posted = await _http.PostAsync(new Uri($"/2018-06-01/runtime/invocation/{id}/response", UriKind.Relative), new ByteArrayContent(new byte[6_291_457]));

        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That((await ErrorOf(posted)).ErrorType, Is.EqualTo("RequestEntityTooLarge"));
        var failure = Assert.ThrowsAsync<FunctionInvocationException>(async () => await invocation);
        Assert.That(failure!.ErrorType, Is.EqualTo("Function.ResponseSizeTooLarge"));
    }

    [Test]
    public async Task Response_OversizedWithoutContentLength_Is413()
    {
        var invocation = _server.InvokeAsync("{}"u8.ToArray(), CancellationToken.None);
        var id = await TakeAsync();
        var content = new StreamContent(new MemoryStream(new byte[6_291_457]));
        content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/2018-06-01/runtime/invocation/{id}/response", UriKind.Relative)) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var posted = await _http.SendAsync(request);

        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.ThrowsAsync<FunctionInvocationException>(async () => await invocation);
    }

    [Test]
    public async Task Error_WithTheSpecifiedBody_IsAcceptedAndFailsTheInvocationWithIt()
    {
        var invocation = _server.InvokeAsync("{}"u8.ToArray(), CancellationToken.None);
        var id = await TakeAsync();
        var content = new StringContent("{\"errorMessage\":\"boom\",\"errorType\":\"InvalidOperationException\",\"stackTrace\":[\"at A\",\"at B\"]}");
        content.Headers.Add("Lambda-Runtime-Function-Error-Type", "Unhandled");

        using var posted = await _http.PostAsync(new Uri($"/2018-06-01/runtime/invocation/{id}/error", UriKind.Relative), content);

        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var failure = Assert.ThrowsAsync<FunctionInvocationException>(async () => await invocation);
        Assert.That((failure!.ErrorType, failure.ErrorMessage, failure.FunctionStackTrace), Is.EqualTo(("InvalidOperationException", "boom", (IReadOnlyList<string>)["at A", "at B"])));
    }

    [Test]
    public async Task Error_WithoutABody_TakesItsTypeFromTheHeader()
    {
        var invocation = _server.InvokeAsync("{}"u8.ToArray(), CancellationToken.None);
        var id = await TakeAsync();
        var content = new ByteArrayContent([]);
        content.Headers.Add("Lambda-Runtime-Function-Error-Type", "Runtime.Custom");

        using var posted = await _http.PostAsync(new Uri($"/2018-06-01/runtime/invocation/{id}/error", UriKind.Relative), content);

        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(Assert.ThrowsAsync<FunctionInvocationException>(async () => await invocation)!.ErrorType, Is.EqualTo("Runtime.Custom"));
    }

    [Test]
    public async Task Error_ForAnUnknownRequestId_Is400()
    {
        using var posted = await _http.PostAsync(new Uri("/2018-06-01/runtime/invocation/nope/error", UriKind.Relative), new StringContent("{}"));

        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await ErrorOf(posted)).ErrorType, Is.EqualTo("InvalidRequestID"));
    }

    [Test]
    public async Task InitError_BeforeTheFirstNext_FailsPendingAndLaterInvocationsAndNextIs500()
    {
        var pending = _server.InvokeAsync("{}"u8.ToArray(), CancellationToken.None);

        using var posted = await _http.PostAsync(new Uri("/2018-06-01/runtime/init/error", UriKind.Relative), new StringContent("{\"errorMessage\":\"Setting ORDERS_TABLE is missing.\",\"errorType\":\"Runtime.MissingSetting\"}"));

        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var first = Assert.ThrowsAsync<FunctionInvocationException>(async () => await pending);
        var later = Assert.ThrowsAsync<FunctionInvocationException>(() => _server.InvokeAsync("{}"u8.ToArray(), CancellationToken.None));
        Assert.That(new[] { first!.ErrorType, later!.ErrorType }, Is.All.EqualTo("Runtime.InitError"));
        Assert.That(later.ErrorMessage, Does.Contain("ORDERS_TABLE"));
        using var next = await _http.GetAsync(new Uri(Next, UriKind.Relative));
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
    }

    [Test]
    public async Task InitError_AfterTheRuntimeAskedForAnInvocation_Is403()
    {
        _ = _server.InvokeAsync("{}"u8.ToArray(), CancellationToken.None);
        await TakeAsync();

        using var posted = await _http.PostAsync(new Uri("/2018-06-01/runtime/init/error", UriKind.Relative), new StringContent("{\"errorMessage\":\"late\",\"errorType\":\"X\"}"));

        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await ErrorOf(posted)).ErrorType, Is.EqualTo("InvalidStateTransition"));
    }

    [Test]
    public async Task ResetEnvironment_AfterAnInitError_LetsANewRuntimeServe()
    {
        using (await _http.PostAsync(new Uri("/2018-06-01/runtime/init/error", UriKind.Relative), new StringContent("{\"errorMessage\":\"m\",\"errorType\":\"T\"}")))
        {
        }

        _server.ResetEnvironment("restarted");
        var invocation = _server.InvokeAsync("{}"u8.ToArray(), CancellationToken.None);
        var id = await TakeAsync();
        using (await _http.PostAsync(new Uri($"/2018-06-01/runtime/invocation/{id}/response", UriKind.Relative), new StringContent("done")))
        {
        }

        Assert.That(Encoding.UTF8.GetString(await invocation), Is.EqualTo("done"));
    }

    [Test]
    public async Task Invocation_PastItsDeadline_FailsAsTimedOutAndALateResponseIs400()
    {
        await using var server = await RuntimeApiServer.StartAsync(new RuntimeApiServerOptions { FunctionName = "api", Timeout = TimeSpan.FromMilliseconds(300) });
        using var http = new HttpClient { BaseAddress = new Uri($"http://{server.Address}") };
        var invocation = server.InvokeAsync("{}"u8.ToArray(), CancellationToken.None);
        using var next = await http.GetAsync(new Uri(Next, UriKind.Relative));
        var id = Header(next, "Lambda-Runtime-Aws-Request-Id");

        var failure = Assert.ThrowsAsync<FunctionInvocationException>(async () => await invocation);
        using var late = await http.PostAsync(new Uri($"/2018-06-01/runtime/invocation/{id}/response", UriKind.Relative), new StringContent("{}"));

        Assert.That(failure!.IsTimeout, Is.True);
        Assert.That(failure.ErrorMessage, Does.Contain("Task timed out after 0.30 seconds"));
        Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Restart_AfterStop_ServesOnTheSameAddressWithTheQueueKept()
    {
        var address = _server.Address;
        await _server.StopAsync();
        var invocation = _server.InvokeAsync("{\"kept\":1}"u8.ToArray(), CancellationToken.None);
        Assert.That(async () => await _http.GetAsync(new Uri(Next, UriKind.Relative)), Throws.InstanceOf<HttpRequestException>());

        await _server.RestartAsync();
        var id = await TakeAsync();
        using (await _http.PostAsync(new Uri($"/2018-06-01/runtime/invocation/{id}/response", UriKind.Relative), new StringContent("ok")))
        {
        }

        Assert.That(_server.Address, Is.EqualTo(address));
        Assert.That(Encoding.UTF8.GetString(await invocation), Is.EqualTo("ok"));
    }

    [Test]
    public async Task Stop_DuringALongPoll_EndsThePollWithoutLosingTheNextInvocation()
    {
        var poll = _http.GetAsync(new Uri(Next, UriKind.Relative));
        await Task.Delay(200);

        await _server.StopAsync();
        Assert.That(async () => (await poll).EnsureSuccessStatusCode(), Throws.Exception);
        var invocation = _server.InvokeAsync("{}"u8.ToArray(), CancellationToken.None);
        await _server.RestartAsync();
        var id = await TakeAsync();
        using (await _http.PostAsync(new Uri($"/2018-06-01/runtime/invocation/{id}/response", UriKind.Relative), new StringContent("served")))
        {
        }

        Assert.That(Encoding.UTF8.GetString(await invocation), Is.EqualTo("served"));
    }

    [Test]
    public async Task Invoke_CancelledBeforeTheRuntimeTookIt_IsWithdrawn()
    {
        using var cancel = new CancellationTokenSource();
        var withdrawn = _server.InvokeAsync("{\"n\":1}"u8.ToArray(), cancel.Token);
        await cancel.CancelAsync();
        _ = _server.InvokeAsync("{\"n\":2}"u8.ToArray(), CancellationToken.None);

        using var next = await _http.GetAsync(new Uri(Next, UriKind.Relative));

        Assert.That(async () => await withdrawn, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(await next.Content.ReadAsStringAsync(), Is.EqualTo("{\"n\":2}"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new AssertionException($"No header {name}.");

    private static async Task<RuntimeApiError> ErrorOf(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        return new RuntimeApiError(root.GetProperty("errorMessage").GetString(), root.GetProperty("errorType").GetString());
    }

    private async Task<string> TakeAsync()
    {
        using var next = await _http.GetAsync(new Uri(Next, UriKind.Relative));
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return Header(next, "Lambda-Runtime-Aws-Request-Id");
    }
}
