using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;
using OrderProcessing.Functions.Api.Resources;
using OrderProcessing.Local.Identity;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Local.Tests.Identity;

/// <summary>
/// The authorization matrix over HTTP against the local host with its token checks on: every declared route times every
/// kind of caller. What the host itself decides is asserted here: on a guarded route no token or a bad one is refused with
/// <c>401</c>, the challenge and a problem document, and the function never sees the request; a good token reaches the
/// function with its claims where the Cognito authorizer puts them; public routes take anyone and ignore tokens.
/// </summary>
[NonParallelizable]
public sealed class LocalAuthorizationTests
{
    private AuthorizedHost _host = null!;
    private Dictionary<TokenCaller, string?> _tokens = null!;
    private string _orderOfA = null!;

    /// <summary>Who calls: no one, three good tokens, and one bad token per way a token can be bad.</summary>
    public enum TokenCaller
    {
        Anonymous,
        CustomerA,
        CustomerB,
        Operator,
        Expired,
        WrongIssuer,
        WrongAudience,
        BadSignature,
        AlgNone,
        BeforeNotBefore,
        NotAToken,
    }

    private static readonly TokenCaller[] GoodCallers = [TokenCaller.CustomerA, TokenCaller.CustomerB, TokenCaller.Operator];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await AuthorizedHost.StartAsync();
        _tokens = new Dictionary<TokenCaller, string?>
        {
            [TokenCaller.Anonymous] = null,
            [TokenCaller.CustomerA] = await _host.MintAsync(AuthorizedHost.CustomerA),
            [TokenCaller.CustomerB] = await _host.MintAsync(AuthorizedHost.CustomerB),
            [TokenCaller.Operator] = await _host.MintAsync(AuthorizedHost.OperatorId, CallerClaims.OperatorsGroup),
            [TokenCaller.Expired] = _host.Forge(d => (d.IssuedAt, d.NotBefore, d.Expires) = (DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-1))),
            [TokenCaller.WrongIssuer] = _host.Forge(d => d.Issuer = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_other"),
            [TokenCaller.WrongAudience] = _host.Forge(d => d.Audience = "some-other-client"),
            [TokenCaller.BadSignature] = _host.Forge(_ => { }, AuthorizedHost.ForeignKey),
            [TokenCaller.AlgNone] = _host.Forge(_ => { }, _ => null),
            [TokenCaller.BeforeNotBefore] = _host.Forge(d => (d.NotBefore, d.Expires) = (DateTime.UtcNow.AddHours(1), DateTime.UtcNow.AddHours(2))),
            [TokenCaller.NotAToken] = "not-a-token",
        };
        _orderOfA = await _host.PlaceOrderAsync(_tokens[TokenCaller.CustomerA]!, AuthorizedHost.CustomerA);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    private static IEnumerable<TestCaseData> RoutesAndCallers() =>
        from route in SystemTopology.ApiRoutes
        from caller in Enum.GetValues<TokenCaller>()
        select new TestCaseData(route.Key, caller);

    [TestCaseSource(nameof(RoutesAndCallers))]
    public async Task ApiRoute_EachCaller_HostRefusesOrPassesAsTheCognitoAuthorizer(string routeKey, TokenCaller caller)
    {
        var route = SystemTopology.ApiRoutes.Single(r => r.Key == routeKey);

        using var response = await SendAsync(route, caller);

        var reached = _host.Api.Find(response.Headers.GetValues("x-amzn-RequestId").Single());
        if (route.Access == ApiAccess.Public)
        {
            Assert.That(response.StatusCode, Is.Not.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(reached, Is.Not.Null, "a public route always reaches the function");
            Assert.That(reached!.RequestContext!.Authorizer, Is.Null, "a route without an authorizer ignores any token");
        }
        else if (GoodCallers.Contains(caller))
        {
            Assert.That(response.StatusCode, Is.Not.EqualTo(HttpStatusCode.Unauthorized), await response.Content.ReadAsStringAsync());
            Assert.That(reached, Is.Not.Null);
            var claims = reached!.RequestContext!.Authorizer!.Value.GetProperty(CallerClaims.ClaimsProperty);
            Assert.That(claims.GetProperty(CallerClaims.Subject).GetString(), Is.EqualTo(SubjectOf(caller)));
        }
        else
        {
            await AssertRefusedAsync(response);
            Assert.That(reached, Is.Null, "a refused request never reaches the function, so nothing of it is stored");
        }
    }

    [Test]
    public async Task ForgedToken_WithNothingBroken_IsAccepted()
    {
        // The bad tokens above differ from this one only in what each breaks: it shows that each breakage is what is refused.
        using var response = await SendAsync(SystemTopology.Routes.PlaceOrder, _host.Forge(_ => { }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task ValidToken_ReachesTheFunction_WithItsClaimsAsCognitoRendersThem()
    {
        var token = await _host.MintAsync("c-claims", CallerClaims.OperatorsGroup, "support");

        using var response = await SendAsync(SystemTopology.Routes.GetOrder, token);

        var claims = _host.Api.Find(response.Headers.GetValues("x-amzn-RequestId").Single())!.RequestContext!.Authorizer!.Value.GetProperty(CallerClaims.ClaimsProperty);
        Assert.That(claims.EnumerateObject().Select(c => c.Value.ValueKind), Is.All.EqualTo(JsonValueKind.String));
        Assert.That(claims.GetProperty(CallerClaims.Subject).GetString(), Is.EqualTo("c-claims"));
        Assert.That(claims.GetProperty(CallerClaims.Email).GetString(), Is.EqualTo("c-claims@example.com"));
        Assert.That(claims.GetProperty(CallerClaims.Name).GetString(), Is.EqualTo("Name of c-claims"));
        Assert.That(claims.GetProperty(CallerClaims.Groups).GetString(), Is.EqualTo("operators,support"));
        Assert.That(claims.GetProperty("iss").GetString(), Is.EqualTo(_host.Http.BaseAddress!.ToString().TrimEnd('/')));
        Assert.That(claims.GetProperty("aud").GetString(), Is.EqualTo(LocalTokenIssuer.Audience));
        Assert.That(claims.GetProperty("exp").GetString(), Does.Match(@"^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$"));
    }

    [TestCase("Basic dXNlcjpwYXNz")]
    [TestCase("Bearer")]
    [TestCase("Token abc")]
    public async Task AuthorizationHeader_NotABearerToken_Is401(string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/orders/{_orderOfA}");
        request.Headers.TryAddWithoutValidation("Authorization", header);

        using var response = await _host.Http.SendAsync(request);

        await AssertRefusedAsync(response);
    }

    [TestCase(AuthorizedHost.ShopOrigin, AuthorizedHost.ShopOrigin)]
    [TestCase("https://elsewhere.example", null)]
    public async Task Refusal_FromAPageOnAnotherOrigin_CarriesCorsOnlyForAnAllowedOrigin(string origin, string? allowed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/orders/{_orderOfA}");
        request.Headers.Add("Origin", origin);

        using var response = await _host.Http.SendAsync(request);

        await AssertRefusedAsync(response);
        Assert.That(response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null, Is.EqualTo(allowed));
    }

    [Test]
    public async Task Tokens_NoLifetimeOrGroups_LastOneHourAndCarryNoGroups()
    {
        using var response = await _host.Http.PostAsync(new Uri("/_local/tokens", UriKind.Relative), new StringContent("{\"subject\":\"c-42\",\"email\":\"jane@example.com\"}", Encoding.UTF8, "application/json"));

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(body.GetProperty("token").GetString()!.Split('.')[1])).RootElement;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64(), Is.EqualTo(3600));
        Assert.That(body.GetProperty("expiresAt").GetDateTimeOffset().ToUnixTimeSeconds(), Is.EqualTo(payload.GetProperty("exp").GetInt64()));
        Assert.That(payload.GetProperty("sub").GetString(), Is.EqualTo("c-42"));
        Assert.That(payload.GetProperty("iss").GetString(), Is.EqualTo(_host.Http.BaseAddress!.ToString().TrimEnd('/')));
        Assert.That(payload.GetProperty("aud").GetString(), Is.EqualTo(LocalTokenIssuer.Audience));
        Assert.That(payload.TryGetProperty(CallerClaims.Groups, out _), Is.False);
    }

    [Test]
    public async Task Tokens_LifetimeGiven_IsTheTokensLifetime()
    {
        using var response = await _host.Http.PostAsync(new Uri("/_local/tokens", UriKind.Relative), new StringContent("{\"subject\":\"c-42\",\"email\":\"jane@example.com\",\"lifetimeSeconds\":120}", Encoding.UTF8, "application/json"));

        var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(token.Split('.')[1])).RootElement;
        Assert.That(payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64(), Is.EqualTo(120));
    }

    [TestCase("{\"email\":\"a@example.com\"}", "subject")]
    [TestCase("{\"subject\":\"c-1\"}", "email")]
    [TestCase("{\"subject\":\"c-1\",\"email\":\"not an address\"}", "email")]
    [TestCase("{\"subject\":\"  \",\"email\":\"a@example.com\"}", "subject")]
    [TestCase("{\"subject\":\"c-1\",\"email\":\"a@example.com\",\"lifetimeSeconds\":0}", "lifetimeSeconds")]
    [TestCase("{\"subject\":\"c-1\",\"email\":\"a@example.com\",\"lifetimeSeconds\":86401}", "lifetimeSeconds")]
    [TestCase("{\"subject\":\"c-1\",\"email\":\"a@example.com\",\"lifetimeSeconds\":\"long\"}", "lifetimeSeconds")]
    [TestCase("{\"subject\":\"c-1\",\"email\":\"a@example.com\",\"groups\":\"operators\"}", "groups")]
    [TestCase("{\"subject\":\"c-1\",\"email\":\"a@example.com\",\"groups\":[\"\"]}", "groups[0]")]
    [TestCase("[", "body")]
    [TestCase("", "body")]
    public async Task Tokens_BadBody_Is400NamingTheField(string json, string field)
    {
        using var response = await _host.Http.PostAsync(new Uri("/_local/tokens", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

        var text = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.ValidationFailed));
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { field }), text);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), text);
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer error=\"invalid_token\""));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.Unauthorized));
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(401));
        Assert.That(problem.GetProperty("detail").GetString(), Is.Not.Empty);
    }

    private static string SubjectOf(TokenCaller caller) => caller switch
    {
        TokenCaller.CustomerA => AuthorizedHost.CustomerA,
        TokenCaller.CustomerB => AuthorizedHost.CustomerB,
        TokenCaller.Operator => AuthorizedHost.OperatorId,
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    private Task<HttpResponseMessage> SendAsync(ApiRoute route, TokenCaller caller) => SendAsync(route, _tokens[caller], caller == TokenCaller.CustomerB ? AuthorizedHost.CustomerB : AuthorizedHost.CustomerA);

    // The route's path with the fixture's values: customer A's order, customer A, a demo product.
    private async Task<HttpResponseMessage> SendAsync(ApiRoute route, string? token, string customerId = AuthorizedHost.CustomerA)
    {
        var path = Regex.Replace(route.Path, "{([^}]+)}", m => m.Groups[1].Value switch
        {
            "orderId" => _orderOfA,
            "customerId" => AuthorizedHost.CustomerA,
            "productId" => AuthorizedHost.Product,
            var other => throw new AssertionException($"The matrix has no value for {{{other}}} of {route.Key}; add one."),
        });
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
        if (route.TakesBody)
        {
            var body = route == SystemTopology.Routes.PlaceOrder ? AuthorizedHost.OrderBody(customerId)
                : route == SystemTopology.Routes.PutProduct ? "{\"name\":\"Café de Colombia, whole beans 1 kg\",\"unitPrice\":24.90,\"currency\":\"USD\",\"stock\":500}"
                : route == SystemTopology.Routes.MoveOrder ? "{\"status\":\"CANCELLED\"}"
                : "{}";
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _host.Http.SendAsync(request);
    }
}
