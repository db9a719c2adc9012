using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OrderProcessing.Functions.Api.Resources;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Functions.Api.Http;

/// <summary>A response being built: status, headers (case-insensitive) and body.</summary>
internal sealed class HttpResult
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string ProblemContentType = "application/problem+json; charset=utf-8";

    private HttpResult(int statusCode, ProxyBody body, bool isBase64Encoded)
    {
        StatusCode = statusCode;
        Body = body;
        IsBase64Encoded = isBase64Encoded;
    }

    public int StatusCode { get; }

    /// <summary>The body as the response carries it: text (UTF-8 bytes where we wrote them), or base64 when <see cref="IsBase64Encoded"/>.</summary>
    public ProxyBody Body { get; }

    public bool IsBase64Encoded { get; }

    // Sized for the usual set (content type, location, cache and CORS headers) so it is not resized per response.
    public Dictionary<string, string> Headers { get; } = new(8, StringComparer.OrdinalIgnoreCase);

    // Serialized straight to UTF-8, which the response record carries and writes as its body string: no UTF-16 copy.
    public static HttpResult Json<T>(int statusCode, T value, JsonTypeInfo<T> typeInfo) =>
        new HttpResult(statusCode, ProxyBody.FromUtf8(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo)), false).With("Content-Type", JsonContentType);

    /// <summary>A body that is JSON already (the embedded OpenAPI document), sent as it is.</summary>
    public static HttpResult Utf8Json(int statusCode, ReadOnlyMemory<byte> utf8) =>
        new HttpResult(statusCode, ProxyBody.FromUtf8(utf8), false).With("Content-Type", JsonContentType);

    public static HttpResult Problem(ProblemDetails problem) =>
        Json(problem.Status, problem, ApiJsonContext.Responses.ProblemDetails).With("Content-Type", ProblemContentType);

    /// <summary>A problem about <paramref name="request"/> (its path is the instance, its id is quoted).</summary>
    public static HttpResult Problem(int status, string type, string title, string detail, ApiRequest request) =>
        Problem(new ProblemDetails { Type = type, Title = title, Status = status, Detail = detail, Instance = request.Path, RequestId = request.RequestId });

    public static HttpResult NoContent() => new(204, ProxyBody.Empty, false);

    // 303: the client fetches the time-limited link with GET. The link goes out exactly as the store signed it.
    public static HttpResult Redirect(Uri location) => new HttpResult(303, ProxyBody.Empty, false).With("Location", location.OriginalString);

    // Base64 is written as UTF-8 bytes too (a PDF is the largest body the API sends).
    public static HttpResult Binary(byte[] content, string contentType)
    {
        var base64 = new byte[Base64.GetMaxEncodedToUtf8Length(content.Length)];
        Base64.EncodeToUtf8(content, base64, out _, out var written);
        return new HttpResult(200, ProxyBody.FromUtf8(base64.AsMemory(0, written)), true).With("Content-Type", contentType);
    }

    /// <summary>A text download: <paramref name="utf8"/> as the body (kept, not copied) and <c>Content-Disposition: attachment</c>.</summary>
    public static HttpResult Attachment(ReadOnlyMemory<byte> utf8, string contentType, string fileName) =>
        new HttpResult(200, ProxyBody.FromUtf8(utf8), false)
            .With("Content-Type", contentType)
            .With("Content-Disposition", $"attachment; filename=\"{fileName}\"");

    public HttpResult With(string name, string value)
    {
        Headers[name] = value;
        return this;
    }

    // The result is finished when it becomes a response, so the response takes its header map rather than a copy.
    public ApiGatewayProxyResponse ToProxyResponse() => new()
    {
        StatusCode = StatusCode,
        Headers = Headers,
        Body = Body,
        IsBase64Encoded = IsBase64Encoded,
    };
}
