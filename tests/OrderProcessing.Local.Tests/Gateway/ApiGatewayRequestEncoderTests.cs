using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OrderProcessing.Local.Gateway;

namespace OrderProcessing.Local.Tests.Gateway;

/// <summary>HTTP requests become the REST API proxy event (payload 1.0) a deployed API function receives.</summary>
public sealed class ApiGatewayRequestEncoderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Test]
    public void A_get_carries_path_method_query_parameters_headers_and_the_proxy_resource()
    {
        var request = Request("GET", "/orders", "?status=PAID&limit=5&tag=a&tag=b");
        request.Headers.Accept = "application/json";

        using var e = Encode(request, []);
        var root = e.RootElement;

        Assert.That(root.GetProperty("resource").GetString(), Is.EqualTo("/{proxy+}"));
        Assert.That(root.GetProperty("path").GetString(), Is.EqualTo("/orders"));
        Assert.That(root.GetProperty("httpMethod").GetString(), Is.EqualTo("GET"));
        Assert.That(root.GetProperty("pathParameters").GetProperty("proxy").GetString(), Is.EqualTo("orders"));
        Assert.That(root.GetProperty("queryStringParameters").GetProperty("status").GetString(), Is.EqualTo("PAID"));
        Assert.That(root.GetProperty("queryStringParameters").GetProperty("tag").GetString(), Is.EqualTo("b"));
        Assert.That(root.GetProperty("multiValueQueryStringParameters").GetProperty("tag").EnumerateArray().Select(v => v.GetString()), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(root.GetProperty("headers").GetProperty("Accept").GetString(), Is.EqualTo("application/json"));
        Assert.That(root.GetProperty("headers").GetProperty("X-Forwarded-For").GetString(), Is.EqualTo("127.0.0.1"));
        Assert.That(root.GetProperty("multiValueHeaders").GetProperty("Accept")[0].GetString(), Is.EqualTo("application/json"));
        Assert.That(root.GetProperty("body").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(root.GetProperty("isBase64Encoded").GetBoolean(), Is.False);
        Assert.That(root.GetProperty("stageVariables").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public void The_request_context_names_the_stage_request_id_time_and_caller()
    {
        var request = Request("GET", "/orders/o-1", "");
        request.Headers.UserAgent = "curl/8";

        using var e = Encode(request, []);
        var context = e.RootElement.GetProperty("requestContext");

        Assert.That(context.GetProperty("stage").GetString(), Is.EqualTo("local"));
        Assert.That(context.GetProperty("path").GetString(), Is.EqualTo("/local/orders/o-1"));
        Assert.That(context.GetProperty("resourcePath").GetString(), Is.EqualTo("/{proxy+}"));
        Assert.That(context.GetProperty("requestId").GetString(), Is.EqualTo("req-1"));
        Assert.That(context.GetProperty("requestTimeEpoch").GetInt64(), Is.EqualTo(Now.ToUnixTimeMilliseconds()));
        Assert.That(context.GetProperty("requestTime").GetString(), Is.EqualTo("04/Mar/2026:05:06:07 +0000"));
        Assert.That(context.GetProperty("identity").GetProperty("sourceIp").GetString(), Is.EqualTo("127.0.0.1"));
        Assert.That(context.GetProperty("identity").GetProperty("userAgent").GetString(), Is.EqualTo("curl/8"));
    }

    [Test]
    public void No_query_string_is_null_in_both_parameter_maps()
    {
        using var e = Encode(Request("GET", "/health", ""), []);

        Assert.That(e.RootElement.GetProperty("queryStringParameters").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(e.RootElement.GetProperty("multiValueQueryStringParameters").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public void A_json_body_travels_as_text_with_its_accented_characters_intact()
    {
        var request = Request("POST", "/orders", "");
        request.ContentType = "application/json; charset=utf-8";
        const string body = "{\"customerName\":\"Zoë Ångström\"}";

        using var e = Encode(request, Encoding.UTF8.GetBytes(body));

        Assert.That(e.RootElement.GetProperty("body").GetString(), Is.EqualTo(body));
        Assert.That(e.RootElement.GetProperty("isBase64Encoded").GetBoolean(), Is.False);
    }

    [TestCase("application/pdf", new byte[] { 0x25, 0x50, 0x44, 0x46 })]
    [TestCase("application/json", new byte[] { 0xff, 0xfe, 0x00, 0x41 })]
    public void A_binary_or_non_utf8_body_travels_as_base64(string contentType, byte[] body)
    {
        var request = Request("PUT", "/products/p-1", "");
        request.ContentType = contentType;

        using var e = Encode(request, body);

        Assert.That(e.RootElement.GetProperty("isBase64Encoded").GetBoolean(), Is.True);
        Assert.That(Convert.FromBase64String(e.RootElement.GetProperty("body").GetString()!), Is.EqualTo(body));
    }

    private static HttpRequest Request(string method, string path, string query)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        context.Connection.LocalPort = 5080;
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1", 5080);
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        context.Request.Protocol = "HTTP/1.1";
        return context.Request;
    }

    private static JsonDocument Encode(HttpRequest request, byte[] body) =>
        JsonDocument.Parse(ApiGatewayRequestEncoder.Encode(request, body, ApiGatewayRequestEncoder.LocalDeployment, "req-1", Now));
}
