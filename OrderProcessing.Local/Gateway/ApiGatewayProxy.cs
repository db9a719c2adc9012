using System.Net.Mime;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OrderProcessing.Local.Handlers;
using OrderProcessing.Local.Identity;
using OrderProcessing.Topology.Events.ApiGateway;
using OrderProcessing.Transport.Invocation;

namespace OrderProcessing.Local.Gateway;

/// <summary>
/// The local API Gateway: every request that is not the page or a local diagnostics route becomes a REST proxy event
/// (payload 1.0) for the API function, and its result becomes the HTTP response. The gateway's own failures answer as
/// API Gateway's do (413, 502, 504 with a <c>message</c> body), so the page and clients meet the same behaviour locally
/// and in AWS. On a guarded route the <see cref="LocalAuthorizer"/> decides first, as the Cognito authorizer does before
/// API Gateway invokes the function: a refused request never reaches the function.
/// </summary>
public sealed partial class ApiGatewayProxy(
    IFunctionHandler api,
    TimeSpan timeout,
    ApiGatewayRequestContext deployment,
    TimeProvider clock,
    LocalAuthorizer authorizer,
    ILogger<ApiGatewayProxy> logger)
{
    /// <summary>API Gateway's payload limit (10 MB); the API function enforces its own, smaller limits.</summary>
    public const int MaxPayloadBytes = 10 * 1024 * 1024;

    private static readonly HashSet<string> HopByHop = new(["Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Upgrade"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Serves one request through the API function.</summary>
    public async Task HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var requestId = Guid.NewGuid().ToString();
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        var decision = await authorizer.AuthorizeAsync(http.Request).ConfigureAwait(false);
        if (decision.Refusal is { } refusal)
        {
            await authorizer.WriteRefusalAsync(http, refusal, requestId).ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await WriteGatewayErrorAsync(http, StatusCodes.Status413PayloadTooLarge, "Request Too Long").ConfigureAwait(false);
            return;
        }

        var input = ApiGatewayRequestEncoder.Encode(http.Request, body, deployment, requestId, clock.GetUtcNow(), decision.Authorizer);
        ApiGatewayResponse response;
        try
        {
            using var deadline = new CancellationTokenSource(timeout, clock);
            var output = await api.InvokeAsync(new MemoryStream(input, writable: false), deadline.Token).WaitAsync(timeout, clock).ConfigureAwait(false);
            await using (output.ConfigureAwait(false))
            {
                using var copy = new MemoryStream();
                await output.CopyToAsync(copy, http.RequestAborted).ConfigureAwait(false);
                response = ApiGatewayResponseDecoder.Decode(copy.ToArray());
            }
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException && !http.RequestAborted.IsCancellationRequested)
        {
            LogTimedOut(logger, http.Request.Method, http.Request.Path, timeout.TotalSeconds, requestId);
            await WriteGatewayErrorAsync(http, StatusCodes.Status504GatewayTimeout, "Endpoint request timed out").ConfigureAwait(false);
            return;
        }
        catch (FormatException e)
        {
            LogMalformed(logger, e, http.Request.Method, http.Request.Path, requestId);
            await WriteGatewayErrorAsync(http, StatusCodes.Status502BadGateway, "Internal server error").ConfigureAwait(false);
            return;
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            LogFunctionFailed(logger, e, http.Request.Method, http.Request.Path, requestId);
            await WriteGatewayErrorAsync(http, StatusCodes.Status502BadGateway, "Internal server error").ConfigureAwait(false);
            return;
        }

        http.Response.StatusCode = response.StatusCode;
        foreach (var (name, values) in response.Headers)
        {
            if (!HopByHop.Contains(name))
            {
                http.Response.Headers[name] = values.ToArray();
            }
        }

        if (!HttpMethods.IsHead(http.Request.Method) && response.Body.Length > 0)
        {
            http.Response.ContentLength = response.Body.Length;
            await http.Response.Body.WriteAsync(response.Body, http.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxPayloadBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxPayloadBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task WriteGatewayErrorAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = MediaTypeNames.Application.Json;
        http.Response.Headers["x-amzn-ErrorType"] = status switch
        {
            StatusCodes.Status413PayloadTooLarge => "RequestTooLargeException",
            StatusCodes.Status504GatewayTimeout => "IntegrationTimeoutException",
            _ => "InternalServerErrorException",
        };
        var escaped = System.Text.Json.JsonEncodedText.Encode(message);
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes($"{{\"message\":\"{escaped}\"}}"), http.RequestAborted).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "API function timed out after {TimeoutSeconds} s on {Method} {Path} (request {RequestId}); answered 504")]
    private static partial void LogTimedOut(ILogger logger, string method, string path, double timeoutSeconds, string requestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "API function returned a malformed proxy response on {Method} {Path} (request {RequestId}); answered 502")]
    private static partial void LogMalformed(ILogger logger, Exception exception, string method, string path, string requestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "API function failed on {Method} {Path} (request {RequestId}); answered 502")]
    private static partial void LogFunctionFailed(ILogger logger, Exception exception, string method, string path, string requestId);
}
