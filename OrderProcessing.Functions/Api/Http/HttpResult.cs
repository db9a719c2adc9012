using System.Buffers;
using System.Text;
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

    private string? _body;

    private HttpResult(int statusCode, string body, bool isBase64Encoded)
    {
        StatusCode = statusCode;
        _body = body;
        IsBase64Encoded = isBase64Encoded;
    }

    // A JSON body is kept as the UTF-8 the serializer produced; the Lambda response embeds those bytes directly and a
    // string is made only when one is asked for (RespondAsync's record).
    private HttpResult(int statusCode, byte[] utf8Body)
    {
        StatusCode = statusCode;
        Utf8Body = utf8Body;
    }

    public int StatusCode { get; }

    public string Body => _body ??= Encoding.UTF8.GetString(Utf8Body!);

    /// <summary>The body as UTF-8 when it was serialized JSON; null for text and base64 bodies (see <see cref="Body"/>).</summary>
    public byte[]? Utf8Body { get; }

    public bool IsBase64Encoded { get; }

    // Sized for the usual set (content type, location, cache and CORS headers) so it is not resized per response.
    public Dictionary<string, string> Headers { get; } = new(8, StringComparer.OrdinalIgnoreCase);

    public static HttpResult Json<T>(int statusCode, T value, JsonTypeInfo<T> typeInfo) =>
        new HttpResult(statusCode, JsonSerializer.SerializeToUtf8Bytes(value, typeInfo)).With("Content-Type", JsonContentType);

    public static HttpResult Problem(ProblemDetails problem) =>
        new HttpResult(problem.Status, JsonSerializer.SerializeToUtf8Bytes(problem, ApiJsonContext.Responses.ProblemDetails)).With("Content-Type", ProblemContentType);

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

    // The result is finished when it becomes a response, so the response takes its header map rather than a copy.
    public ApiGatewayProxyResponse ToProxyResponse() => new()
    {
        StatusCode = StatusCode,
        Headers = Headers,
        Body = Body,
        IsBase64Encoded = IsBase64Encoded,
    };

    /// <summary>
    /// The Lambda response document: exactly what serializing <see cref="ToProxyResponse"/>'s record with
    /// <c>AwsEventJsonContext</c> gives (same members, order and escaping), written straight from the UTF-8 body.
    /// </summary>
    public MemoryStream ToProxyResponseJson()
    {
        var buffer = _threadBuffer ??= new ArrayBufferWriter<byte>(4096);
        var json = _threadWriter ??= new Utf8JsonWriter(buffer);
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        json.WriteStartObject();
        json.WriteNumber("statusCode"u8, StatusCode);
        json.WriteStartObject("headers"u8);
        foreach (var (name, value) in Headers)
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
        json.WriteStartObject("multiValueHeaders"u8);
        json.WriteEndObject();
        if (Utf8Body is { } utf8)
        {
            json.WriteString("body"u8, utf8);
        }
        else
        {
            json.WriteString("body"u8, _body);
        }

        json.WriteBoolean("isBase64Encoded"u8, IsBase64Encoded);
        json.WriteEndObject();
        json.Flush();
        var bytes = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 1024 * 1024)
        {
            // A large body (an invoice PDF) is not kept alive by the thread's buffer.
            (_threadBuffer, _threadWriter) = (null, null);
        }

        return new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true);
    }

    // One reusable buffer per thread for response documents: each response costs one exact-size array.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _threadBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _threadWriter;
}
