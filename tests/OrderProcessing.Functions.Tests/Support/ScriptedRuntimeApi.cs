using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using OrderProcessing.Functions.Runtime;

namespace OrderProcessing.Functions.Tests.Support;

/// <summary>
/// A scripted Runtime API for the loop's unit tests, answering in memory: each next-invocation call takes the next
/// scripted answer, every post is recorded and answered with the status the test chose for its path. When the script
/// runs out, the next call stops the loop. (The full server written from AWS's specification lives in the local host.)
/// </summary>
internal sealed class ScriptedRuntimeApi(CancellationTokenSource stop) : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _next = new();

    public List<(string Path, string? ErrorType, string Body)> Posts { get; } = [];

    /// <summary>Status answered to posts whose path ends with the key (<c>/response</c>, <c>/error</c>, <c>init/error</c>).</summary>
    public Dictionary<string, HttpStatusCode> PostStatus { get; } = [];

    /// <summary>Paths (by suffix) whose post breaks off after being sent, as when the API closes the connection early.</summary>
    public HashSet<string> BrokenPosts { get; } = [];

    public ScriptedRuntimeApi Invocation(string requestId, string body, DateTimeOffset deadline, string? traceId = null)
    {
        _next.Enqueue(() =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) };
            response.Headers.Add(RuntimeApiHeaders.RequestId, requestId);
            response.Headers.Add(RuntimeApiHeaders.DeadlineMs, deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
            response.Headers.Add(RuntimeApiHeaders.InvokedFunctionArn, "arn:aws:lambda:eu-west-1:123456789012:function:test");
            if (traceId is not null)
            {
                response.Headers.Add(RuntimeApiHeaders.TraceId, traceId);
            }

            return response;
        });
        return this;
    }

    /// <summary>The next call finds no listener, as while the API restarts.</summary>
    public ScriptedRuntimeApi Refused()
    {
        _next.Enqueue(() => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:9001)", new SocketException((int)SocketError.ConnectionRefused)));
        return this;
    }

    public ScriptedRuntimeApi Status(HttpStatusCode status)
    {
        _next.Enqueue(() => new HttpResponseMessage(status) { Content = new StringContent("""{"errorMessage":"scripted","errorType":"Test"}""") });
        return this;
    }

    public int NextCalls { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (request.Method == HttpMethod.Get && path == "/2018-06-01/runtime/invocation/next")
        {
            NextCalls++;
            if (_next.TryDequeue(out var answer))
            {
                return answer();
            }

            await stop.CancelAsync();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (request.Method == HttpMethod.Post && path.StartsWith("/2018-06-01/runtime/", StringComparison.Ordinal))
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            var errorType = request.Headers.TryGetValues(RuntimeApiHeaders.FunctionErrorType, out var values) ? values.Single() : null;
            Posts.Add((path["/2018-06-01/runtime/".Length..], errorType, body));
            if (BrokenPosts.Any(p => path.EndsWith(p, StringComparison.Ordinal)))
            {
                throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
            }

            var status = PostStatus.FirstOrDefault(s => path.EndsWith(s.Key, StringComparison.Ordinal)).Value;
            return new HttpResponseMessage(status == 0 ? HttpStatusCode.Accepted : status) { Content = new StringContent("""{"status":"OK"}""", new MediaTypeHeaderValue("application/json")) };
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }
}
