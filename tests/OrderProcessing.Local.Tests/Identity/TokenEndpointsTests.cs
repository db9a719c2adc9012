using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;
using OrderProcessing.Functions.Api.Resources;
using OrderProcessing.Local.Identity;

namespace OrderProcessing.Local.Tests.Identity;

/// <summary>The token route answers only callers on this machine: anyone could make themselves an operator with it.</summary>
public sealed class TokenEndpointsTests
{
    private static async Task<IResult> CallFromAsync(string remote)
    {
        using var issuer = new LocalTokenIssuer(() => "http://127.0.0.1:5080", TimeProvider.System);
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        http.Request.Method = "POST";
        http.Request.Path = TokenEndpoints.Path;
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("{\"subject\":\"c-42\",\"email\":\"jane@example.com\"}"));
        return await TokenEndpoints.HandleAsync(http, issuer, NullLogger.Instance);
    }

    [TestCase("10.0.0.5")]
    [TestCase("192.168.1.20")]
    [TestCase("::ffff:10.0.0.5")]
    [TestCase("2001:db8::1")]
    public async Task CallerNotOnLoopback_AsksForAToken_Is403(string remote)
    {
        var result = await CallFromAsync(remote);

        var problem = result as JsonHttpResult<ProblemDetails>;
        Assert.That(problem, Is.Not.Null, result.GetType().Name);
        Assert.That(problem!.StatusCode, Is.EqualTo(StatusCodes.Status403Forbidden));
        Assert.That(problem.Value!.Type, Is.EqualTo(ProblemTypes.Forbidden));
    }

    [TestCase("127.0.0.1")]
    [TestCase("::1")]
    [TestCase("::ffff:127.0.0.1")]
    public async Task CallerOnLoopback_AsksForAToken_GetsOne(string remote)
    {
        var result = await CallFromAsync(remote);

        Assert.That(result, Is.InstanceOf<JsonHttpResult<LocalToken>>());
        Assert.That(((JsonHttpResult<LocalToken>)result).Value!.Token.Split('.'), Has.Length.EqualTo(3));
    }
}
