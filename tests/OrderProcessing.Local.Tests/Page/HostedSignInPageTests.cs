using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Web;
using Microsoft.Playwright;
using OrderProcessing.DevTools.Processes;
using OrderProcessing.Infra.Plan.Identity;
using OrderProcessing.Infra.Plan.Shop;
using OrderProcessing.Local.Tests.Support;
using OrderProcessing.Topology;
using static Microsoft.Playwright.Assertions;

namespace OrderProcessing.Local.Tests.Page;

/// <summary>
/// The page as the shop page in AWS: the <c>config.json</c> the deployment plan writes (<see cref="ShopPlan.Config"/>),
/// naming a Cognito hosted UI and an API elsewhere (both played by Playwright routes, so no network and no real user
/// pool): sign-in with the authorization-code flow and PKCE, the
/// ID token on API calls, sign-out through <c>/logout</c>, and a callback whose state was not issued here refused.
/// </summary>
[NonParallelizable]
public sealed class HostedSignInPageTests
{
    // The stack's own sign-in plan, so the page is tested against the config.json shape the deployment really writes.
    private static readonly SignInPlan SignIn = SignInPlan.For("order-processing-test", "us-east-1", deletionProtection: false);
    private static readonly string CognitoDomain = SignIn.HostedUiUrl;
    private const string ApiUrl = "https://api.example.test/prod";
    private const string ClientId = "page-client-1";
    private const string Code = "code-from-cognito";

    private LocalHostProcess _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;
    private string _idToken = null!;
    private List<Uri> _authorizeRequests = null!;
    private List<string> _tokenRequests = null!;
    private List<Uri> _logoutRequests = null!;
    private List<string?> _productAuthorizations = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await TestHost.StartAsync();
        (_playwright, _browser) = await Browser.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _host.DisposeAsync();
    }

    [SetUp]
    public async Task OpenAsync()
    {
        _authorizeRequests = [];
        _tokenRequests = [];
        _logoutRequests = [];
        _productAuthorizations = [];
        _idToken = FakeIdToken(new { sub = "c-77", email = "pat@example.com", name = "Pat Kce", exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() });
        _context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _host.BaseAddress.ToString(), Locale = "en-US" });
        var redirectUri = _host.BaseAddress.ToString();
        await _context.RouteAsync("**/config.json", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "application/json",
            Body = new ShopPlan("order-processing-test-shop-", ForceDestroy: true, "us-east-1", ApiAuthMode.Cognito, SignIn)
                .Config(ApiUrl, redirectUri, ClientId),
        }));
        await _context.RouteAsync($"{CognitoDomain}/oauth2/authorize**", route =>
        {
            var uri = new Uri(route.Request.Url);
            _authorizeRequests.Add(uri);
            var query = HttpUtility.ParseQueryString(uri.Query);
            return Redirect(route, $"{query["redirect_uri"]}?code={Code}&state={Uri.EscapeDataString(query["state"] ?? "")}");
        });
        await _context.RouteAsync($"{CognitoDomain}/oauth2/token", route =>
        {
            _tokenRequests.Add(route.Request.PostData ?? "");
            return route.FulfillAsync(new RouteFulfillOptions
            {
                ContentType = "application/json",
                Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*" },
                Body = JsonSerializer.Serialize(new { id_token = _idToken, access_token = "access", refresh_token = "refresh", expires_in = 3600, token_type = "Bearer" }),
            });
        });
        await _context.RouteAsync($"{CognitoDomain}/logout**", route =>
        {
            var uri = new Uri(route.Request.Url);
            _logoutRequests.Add(uri);
            return Redirect(route, HttpUtility.ParseQueryString(uri.Query)["logout_uri"] ?? "about:blank");
        });
        await _context.RouteAsync($"{ApiUrl}/**", route =>
        {
            var cors = new Dictionary<string, string>
            {
                ["Access-Control-Allow-Origin"] = "*",
                ["Access-Control-Allow-Headers"] = "authorization, content-type, accept, idempotency-key",
                ["Access-Control-Allow-Methods"] = "GET, POST, PUT, OPTIONS",
            };
            if (route.Request.Method == "OPTIONS")
            {
                return route.FulfillAsync(new RouteFulfillOptions { Status = 204, Headers = cors });
            }

            _productAuthorizations.Add(route.Request.Headers.GetValueOrDefault("authorization"));
            return route.FulfillAsync(new RouteFulfillOptions
            {
                ContentType = "application/json",
                Headers = cors,
                Body = """{"items":[{"productId":"sku-tea","name":"Sencha tea 100 g","unitPrice":8.5,"currency":"USD","stock":40}],"nextCursor":null}""",
            });
        });
        _page = await _context.NewPageAsync();
    }

    [TearDown]
    public async Task CloseAsync() => await _context.DisposeAsync();

    [Test]
    public async Task HostedSignIn_CodeFlowWithPkce_SignsInSendsTheIdTokenAndSignsOut()
    {
        await _page.GotoAsync("/");
        await Expect(_page.GetByLabel("Quantity of Sencha tea 100 g")).ToBeVisibleAsync();
        await Expect(_page.GetByRole(AriaRole.Link, new() { Name = "Operator" })).ToBeHiddenAsync();
        await _page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Continue to the sign-in page" }).ClickAsync();

        await Expect(_page.Locator("#account-name")).ToHaveTextAsync("Pat Kce");
        await Expect(_page.GetByLabel("Customer id", new() { Exact = true })).ToHaveValueAsync("c-77");
        await Expect(_page.GetByLabel("Quantity of Sencha tea 100 g")).ToBeVisibleAsync();
        Assert.That(_page.Url, Does.Not.Contain("code="), "the code leaves the address bar once used");

        var authorize = HttpUtility.ParseQueryString(_authorizeRequests.Single().Query);
        var token = HttpUtility.ParseQueryString(_tokenRequests.Single());
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(token["code_verifier"] ?? "")));
        Assert.Multiple(() =>
        {
            Assert.That(authorize["response_type"], Is.EqualTo("code"));
            Assert.That(authorize["client_id"], Is.EqualTo(ClientId));
            Assert.That(authorize["redirect_uri"], Is.EqualTo(_host.BaseAddress.ToString()));
            Assert.That(authorize["scope"], Does.Contain("openid"));
            Assert.That(authorize["code_challenge_method"], Is.EqualTo("S256"));
            Assert.That(authorize["code_challenge"], Is.EqualTo(challenge), "the challenge is the S256 of the verifier sent to /oauth2/token");
            Assert.That(authorize["state"], Has.Length.GreaterThanOrEqualTo(16));
            Assert.That(token["grant_type"], Is.EqualTo("authorization_code"));
            Assert.That(token["code"], Is.EqualTo(Code));
            Assert.That(token["client_id"], Is.EqualTo(ClientId));
            Assert.That(token["redirect_uri"], Is.EqualTo(_host.BaseAddress.ToString()));
            Assert.That(token["code_verifier"], Has.Length.InRange(43, 128));
            Assert.That(_productAuthorizations, Does.Contain($"Bearer {_idToken}"), "API calls after sign-in carry the ID token");
        });
        await Browser.ScreenshotAsync(_page, "10-hosted-signed-in");

        await _page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        var logout = HttpUtility.ParseQueryString(_logoutRequests.Single().Query);
        Assert.Multiple(() =>
        {
            Assert.That(logout["client_id"], Is.EqualTo(ClientId));
            Assert.That(logout["logout_uri"], Is.EqualTo(_host.BaseAddress.ToString()));
        });
    }

    [Test]
    public async Task HostedSignIn_CallbackWithAStateNotIssuedHere_IsRefusedWithoutATokenRequest()
    {
        await _page.GotoAsync($"/?code={Code}&state=forged-state");

        await Expect(_page.Locator("#sign-in-message")).ToContainTextAsync("does not belong to a sign-in started here");
        await Expect(_page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.That(_tokenRequests, Is.Empty);
    }

    private static Task Redirect(IRoute route, string location) => route.FulfillAsync(new RouteFulfillOptions
    {
        Status = 302,
        Headers = new Dictionary<string, string> { ["Location"] = location },
    });

    private static string FakeIdToken(object claims) =>
        $"{Base64Url.EncodeToString("""{"alg":"RS256","typ":"JWT"}"""u8)}.{Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims))}.c2lnbmF0dXJl";
}
