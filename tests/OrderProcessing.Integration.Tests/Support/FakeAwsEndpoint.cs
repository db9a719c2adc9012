using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OrderProcessing.Integration.Tests.Support;

/// <summary>
/// A loopback HTTP endpoint that answers every request with one canned AWS error, so tests see how the real SDK parses
/// it and how the adapters translate it (throttling, server faults) without waiting for a real service to misbehave.
/// </summary>
public sealed class FakeAwsEndpoint : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private int _requests;
    private int _disposed;

    private FakeAwsEndpoint(int port, HttpStatusCode status, string contentType, string body)
    {
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _ = Task.Run(() => ServeAsync(status, contentType, body));
    }

    /// <summary>The endpoint.</summary>
    public Uri Url { get; }

    /// <summary>Requests answered so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Answers like DynamoDB does with the error type <paramref name="errorType"/> (its JSON protocol).</summary>
    public static FakeAwsEndpoint DynamoDbError(HttpStatusCode status, string errorType) =>
        new(FreePort(), status, "application/x-amz-json-1.0", $$"""{"__type":"com.amazonaws.dynamodb.v20120810#{{errorType}}","message":"simulated {{errorType}}"}""");

    /// <summary>Answers like S3 does with the error code <paramref name="code"/> (its XML protocol).</summary>
    public static FakeAwsEndpoint S3Error(HttpStatusCode status, string code) =>
        new(FreePort(), status, "application/xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>simulated {code}</Message><RequestId>1</RequestId></Error>");

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync(HttpStatusCode status, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Interlocked.Increment(ref _requests);
            using (context.Response)
            {
                context.Response.StatusCode = (int)status;
                context.Response.ContentType = contentType;
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
            }
        }
    }
}
