using System.Net;
using System.Text;
using OrderProcessing.Local.Tests.Support;

namespace OrderProcessing.Local.Tests.Identity;

/// <summary>What the host says at start about tokens: where the local sign-in route is and what it is for, or loudly that checks are off.</summary>
public sealed class AuthStartupTests
{
    [Test]
    public async Task Start_TokensChecked_LogsTheTokenRouteAndThatItIsLoopbackOnly()
    {
        await using var host = await TestHost.StartAsync("--auth", "cognito");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var anonymous = await http.GetAsync(new Uri("orders", UriKind.Relative));

        Assert.That(host.Output, Does.Contain($"POST {host.BaseAddress}_local/tokens"));
        Assert.That(host.Output, Does.Contain("mints development tokens for callers on this machine only"));
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Start_AuthNone_WarnsLoudlyAndLetsAnonymousCallersThrough()
    {
        await using var host = await TestHost.StartAsync("--auth", "none");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var anonymous = await http.GetAsync(new Uri("orders", UriKind.Relative));
        using var token = await http.PostAsync(new Uri("_local/tokens", UriKind.Relative), new StringContent("{\"subject\":\"c-1\",\"email\":\"a@example.com\"}", Encoding.UTF8, "application/json"));

        Assert.That(host.Output, Does.Contain("WARN").And.Contain("AUTH IS OFF (--auth none)"));
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(token.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a page that signs in first works in either mode");
    }
}
