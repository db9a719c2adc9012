using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OrderProcessing.Functions.Api.Resources;
using OrderProcessing.Functions.Events.ApiGateway;

namespace OrderProcessing.Functions.Api.Http;

/// <summary>A response being built: status, headers (case-insensitive) and body.</summary>
internal sealed class HttpResult
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string ProblemContentType = "application/problem+json; charset=utf-8";

    private HttpResult(int statusCode, string body, bool isBase64Encoded)
    {
        StatusCode = statusCode;
        Body = body;
        IsBase64Encoded = isBase64Encoded;
    }

    public int StatusCode { get; }

    public string Body { get; }

    public bool IsBase64Encoded { get; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static HttpResult Json<T>(int statusCode, T value, JsonTypeInfo<T> typeInfo) =>
        new HttpResult(statusCode, JsonSerializer.Serialize(value, typeInfo), false).With("Content-Type", JsonContentType);

    public static HttpResult Problem(ProblemDetails problem) =>
        new HttpResult(problem.Status, JsonSerializer.Serialize(problem, ApiJsonContext.Responses.ProblemDetails), false).With("Content-Type", ProblemContentType);

    public static HttpResult NoContent() => new(204, "", false);

    // 303: the client fetches the time-limited link with GET. The link goes out exactly as the store signed it.
    public static HttpResult Redirect(Uri location) => new HttpResult(303, "", false).With("Location", location.OriginalString);

    public static HttpResult Binary(byte[] content, string contentType) =>
        new HttpResult(200, Convert.ToBase64String(content), true).With("Content-Type", contentType);

    public HttpResult With(string name, string value)
    {
        Headers[name] = value;
        return this;
    }

    public ApiGatewayProxyResponse ToProxyResponse() => new()
    {
        StatusCode = StatusCode,
        Headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase),
        Body = Body,
        IsBase64Encoded = IsBase64Encoded,
    };
}
