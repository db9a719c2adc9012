using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OrderProcessing.Local.Gateway;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Local.Tests.Gateway;

/// <summary>HTTP requests become the REST API proxy event (payload 1.0) a deployed API function receives.</summary>
public sealed class ApiGatewayRequestEncoderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Test]
    public void Encode_Get_CarriesPathMethodQueryParametersHeadersAndTheProxyResource()
    {
        var request = Request("GET", "/orders", "?status=PAID&limit=5&tag=a&tag=b");
        request.Headers.Accept = "application/json";

        var e = Encode(request, []);

        Assert.That(e.Resource, Is.EqualTo("/{proxy+}"));
        Assert.That(e.Path, Is.EqualTo("/orders"));
        Assert.That(e.HttpMethod, Is.EqualTo("GET"));
        Assert.That(e.PathParameters!["proxy"], Is.EqualTo("orders"));
        Assert.That(e.QueryStringParameters!["status"], Is.EqualTo("PAID"));
        Assert.That(e.QueryStringParameters["tag"], Is.EqualTo("b"));
        Assert.That(e.MultiValueQueryStringParameters!["tag"], Is.EqualTo(new[] { "a", "b" }));
        Assert.That(e.Headers!["Accept"], Is.EqualTo("application/json"));
        Assert.That(e.Headers["X-Forwarded-For"], Is.EqualTo("127.0.0.1"));
        Assert.That(e.MultiValueHeaders!["Accept"]![0], Is.EqualTo("application/json"));
        Assert.That(e.Body, Is.Null);
        Assert.That(e.IsBase64Encoded, Is.False);
        Assert.That(e.StageVariables, Is.Null);
    }

    [Test]
    public void Encode_RequestContext_NamesTheStageRequestIdTimeAndCaller()
    {
        var request = Request("GET", "/orders/o-1", "");
        request.Headers.UserAgent = "curl/8";

        var context = Encode(request, []).RequestContext!;

        Assert.That(context.Stage, Is.EqualTo("local"));
        Assert.That(context.Path, Is.EqualTo("/local/orders/o-1"));
        Assert.That(context.ResourcePath, Is.EqualTo("/{proxy+}"));
        Assert.That(context.RequestId, Is.EqualTo("req-1"));
        Assert.That(context.RequestTimeEpoch, Is.EqualTo(Now.ToUnixTimeMilliseconds()));
        Assert.That(context.RequestTime, Is.EqualTo("04/Mar/2026:05:06:07 +0000"));
        Assert.That(context.Identity!.SourceIp, Is.EqualTo("127.0.0.1"));
        Assert.That(context.Identity.UserAgent, Is.EqualTo("curl/8"));
    }

    [Test]
    public void Encode_NoQueryString_IsNullInBothParameterMaps()
    {
        var e = Encode(Request("GET", "/health", ""), []);

        Assert.That(e.QueryStringParameters, Is.Null);
        Assert.That(e.MultiValueQueryStringParameters, Is.Null);
    }

    [Test]
    public void Encode_JsonBody_TravelsAsTextWithItsAccentedCharactersIntact()
    {
        var request = Request("POST", "/orders", "");
        request.ContentType = "application/json; charset=utf-8";
        const string body = "{\"customerName\":\"Zoë Ångström\"}";

        var e = Encode(request, Encoding.UTF8.GetBytes(body));

        Assert.That(e.Body, Is.EqualTo(body));
        Assert.That(e.IsBase64Encoded, Is.False);
    }

    [TestCase("application/pdf", new byte[] { 0x25, 0x50, 0x44, 0x46 })]
    [TestCase("application/json", new byte[] { 0xff, 0xfe, 0x00, 0x41 })]
    public void Encode_BinaryOrNonUtf8Body_TravelsAsBase64(string contentType, byte[] body)
    {
        var request = Request("PUT", "/products/p-1", "");
        request.ContentType = contentType;

        var e = Encode(request, body);

        Assert.That(e.IsBase64Encoded, Is.True);
        Assert.That(Convert.FromBase64String(e.Body!), Is.EqualTo(body));
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

    private static ApiGatewayProxyRequest Encode(HttpRequest request, byte[] body) =>
        JsonSerializer.Deserialize(ApiGatewayRequestEncoder.Encode(request, body, ApiGatewayRequestEncoder.LocalDeployment, "req-1", Now), AwsEventJsonContext.Default.ApiGatewayProxyRequest)!;
}
