using System.Text.Json;
using OrderProcessing.Infra.Plan.Api;
using OrderProcessing.Infra.Plan.Settings;
using OrderProcessing.Infra.Plan.Tests.Support;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Infra.Plan.Tests.Api;

/// <summary>The API Gateway document of a Cognito stack: the authorizer on every route that is not public, derived from the topology.</summary>
public sealed class CognitoAuthorizerTests
{
    private const string AliasInvokeArn =
        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:order-processing-test-api:live/invocations";

    private const string UserPoolArn = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Example";

    private static readonly JsonElement Document = Create(raw => { });

    private static JsonElement Create(Action<Dictionary<string, string?>> change, string? shopOrigin = null)
    {
        var plan = ValidSettings.Plan(raw =>
        {
            raw[SettingKeys.ApiAuth] = "cognito";
            change(raw);
        });
        using var json = JsonDocument.Parse(plan.Api.OpenApi(AliasInvokeArn, UserPoolArn, shopOrigin));
        return json.RootElement.Clone();
    }

    private static IEnumerable<TestCaseData> Routes(ApiAccess? access) =>
        SystemTopology.ApiRoutes
            .Where(r => access is null ? r.Access != ApiAccess.Public : r.Access == access)
            .Select(r => new TestCaseData(r).SetArgDisplayNames(r.Key));

    private static IEnumerable<TestCaseData> GuardedRoutes() => Routes(null);

    private static IEnumerable<TestCaseData> PublicRoutes() => Routes(ApiAccess.Public);

    private static IEnumerable<TestCaseData> AllRoutes() => SystemTopology.ApiRoutes.Select(r => new TestCaseData(r).SetArgDisplayNames(r.Key));

    private static JsonElement Operation(ApiRoute route) =>
        Document.GetProperty("paths").GetProperty(route.Path).GetProperty(route.Method.ToLowerInvariant());

    [TestCaseSource(nameof(GuardedRoutes))]
    public void GuardedRoute_RequiresTheCognitoAuthorizer(ApiRoute route)
    {
        var security = Operation(route).GetProperty("security");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(security.GetArrayLength(), Is.EqualTo(1));
            Assert.That(security[0].GetProperty(OpenApiDocument.CognitoScheme).GetArrayLength(), Is.Zero, "no scopes: the ID token is accepted");
        }
    }

    [TestCaseSource(nameof(PublicRoutes))]
    public void PublicRoute_HasNoAuthorizer(ApiRoute route)
    {
        var operation = Operation(route);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(operation.TryGetProperty("security", out _), Is.False);
            Assert.That(operation.TryGetProperty("x-amazon-apigateway-auth", out _), Is.False);
        }
    }

    [Test]
    public void Topology_HasBothPublicAndGuardedRoutes()
    {
        // Guards the two tests above against passing vacuously.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(GuardedRoutes(), Is.Not.Empty);
            Assert.That(PublicRoutes(), Is.Not.Empty);
        }
    }

    [TestCaseSource(nameof(AllRoutes))]
    public void Route_IntegratesWithTheApiAliasAndDeclaresItsPathParameters(ApiRoute route)
    {
        var operation = Operation(route);
        var integration = operation.GetProperty("x-amazon-apigateway-integration");
        var parameters = operation.TryGetProperty("parameters", out var declared)
            ? declared.EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList()
            : [];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(integration.GetProperty("type").GetString(), Is.EqualTo("aws_proxy"));
            Assert.That(integration.GetProperty("httpMethod").GetString(), Is.EqualTo("POST"));
            Assert.That(integration.GetProperty("uri").GetString(), Is.EqualTo(AliasInvokeArn));
            Assert.That(parameters, Is.EqualTo(route.Segments.Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}'))));
        }
    }

    [Test]
    public void Paths_AreExactlyTheTopologysPathsAndTheFallbackProxy()
    {
        var paths = Document.GetProperty("paths").EnumerateObject().Select(p => p.Name);

        Assert.That(paths, Is.EquivalentTo(SystemTopology.ApiRoutes.Select(r => r.Path).Distinct().Append(ApiPlan.ProxyPath)));
    }

    [Test]
    public void UnknownMethodsAndPaths_ReachTheFunctionWithoutTheAuthorizer()
    {
        // The function answers them 404 or 405, as it does locally; nothing there is worth guarding.
        var fallbacks = Document.GetProperty("paths").EnumerateObject().Select(p => p.Value.GetProperty(OpenApiDocument.AnyMethod)).ToList();

        using (Assert.EnterMultipleScope())
        {
            foreach (var fallback in fallbacks)
            {
                Assert.That(fallback.TryGetProperty("security", out _), Is.False);
                Assert.That(fallback.GetProperty("x-amazon-apigateway-integration").GetProperty("uri").GetString(), Is.EqualTo(AliasInvokeArn));
            }
        }
    }

    [Test]
    public void EveryPath_AnswersPreflightsWithoutAuthentication()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var path in Document.GetProperty("paths").EnumerateObject())
            {
                var options = path.Value.GetProperty("options");
                Assert.That(options.TryGetProperty("security", out _), Is.False, path.Name);
                Assert.That(options.GetProperty("x-amazon-apigateway-integration").GetProperty("type").GetString(), Is.EqualTo("mock"), path.Name);
            }
        }
    }

    [Test]
    public void SecurityDefinition_IsTheStacksUserPoolAuthorizerReadingTheAuthorizationHeader()
    {
        var scheme = Document.GetProperty("securityDefinitions").GetProperty(OpenApiDocument.CognitoScheme);
        var authorizer = scheme.GetProperty("x-amazon-apigateway-authorizer");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scheme.GetProperty("type").GetString(), Is.EqualTo("apiKey"));
            Assert.That(scheme.GetProperty("name").GetString(), Is.EqualTo("Authorization"));
            Assert.That(scheme.GetProperty("in").GetString(), Is.EqualTo("header"));
            Assert.That(scheme.GetProperty("x-amazon-apigateway-authtype").GetString(), Is.EqualTo("cognito_user_pools"));
            Assert.That(authorizer.GetProperty("type").GetString(), Is.EqualTo("cognito_user_pools"));
            Assert.That(authorizer.GetProperty("providerARNs").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { UserPoolArn }));
            Assert.That(Document.TryGetProperty("x-amazon-apigateway-api-key-source", out _), Is.False);
        }
    }

    [TestCase("UNAUTHORIZED", 401, CallerRefusals.UnauthorizedType, "Bearer error=\"invalid_token\"")]
    [TestCase("ACCESS_DENIED", 403, CallerRefusals.ForbiddenType, "Bearer error=\"insufficient_scope\"")]
    public void AuthorizerRefusal_IsAProblemDocumentWithABearerChallengeAndCors(string type, int status, string problemType, string challenge)
    {
        var response = Document.GetProperty("x-amazon-apigateway-gateway-responses").GetProperty(type);
        var headers = response.GetProperty("responseParameters");
        using var body = JsonDocument.Parse(response.GetProperty("responseTemplates").GetProperty("application/json").GetString()!);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.GetProperty("statusCode").GetString(), Is.EqualTo(status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(headers.GetProperty("gatewayresponse.header.WWW-Authenticate").GetString(), Is.EqualTo($"'{challenge}'"));
            Assert.That(headers.GetProperty("gatewayresponse.header.Content-Type").GetString(), Is.EqualTo("'application/problem+json'"));
            Assert.That(headers.GetProperty("gatewayresponse.header.Access-Control-Allow-Origin").GetString(), Is.EqualTo("'*'"));
            Assert.That(body.RootElement.GetProperty("type").GetString(), Is.EqualTo(problemType));
            Assert.That(body.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(status));
        }
    }

    [Test]
    public void PathWithoutResource_IsANotFoundProblemNotATokenChallenge()
    {
        var response = Document.GetProperty("x-amazon-apigateway-gateway-responses").GetProperty("MISSING_AUTHENTICATION_TOKEN");
        using var body = JsonDocument.Parse(response.GetProperty("responseTemplates").GetProperty("application/json").GetString()!);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.GetProperty("statusCode").GetString(), Is.EqualTo("404"));
            Assert.That(response.GetProperty("responseParameters").TryGetProperty("gatewayresponse.header.WWW-Authenticate", out _), Is.False);
            Assert.That(body.RootElement.GetProperty("type").GetString(), Is.EqualTo(CallerRefusals.NotFoundType));
        }
    }

    [Test]
    public void UnauthorizedChallenge_IsTheContractsOne()
    {
        Assert.That(CallerRefusals.InvalidTokenChallenge, Is.EqualTo("Bearer error=\"invalid_token\""));
        Assert.That(CallerRefusals.UnauthorizedType, Is.EqualTo("urn:orderprocessing:problem:unauthorized"));
    }

    [TestCase(ApiAuthMode.ApiKey)]
    [TestCase(ApiAuthMode.Iam)]
    public void OtherModes_KeepTheOneGuardedProxyAndNoBearerRefusals(ApiAuthMode auth)
    {
        var plan = ValidSettings.Plan(raw => raw[SettingKeys.ApiAuth] = auth.Spelling());
        using var json = JsonDocument.Parse(plan.Api.OpenApi(AliasInvokeArn));
        var responses = json.RootElement.GetProperty("x-amazon-apigateway-gateway-responses");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { ApiPlan.ProxyPath }));
            Assert.That(responses.TryGetProperty("UNAUTHORIZED", out _), Is.False);
            Assert.That(responses.TryGetProperty("ACCESS_DENIED", out _), Is.False);
            Assert.That(responses.TryGetProperty("MISSING_AUTHENTICATION_TOKEN", out _), Is.False, "unsigned IAM requests keep API Gateway's 403");
        }
    }

    [Test]
    public void CognitoDocument_WithoutTheUserPool_IsRefused()
    {
        var plan = ValidSettings.Plan(raw => raw[SettingKeys.ApiAuth] = "cognito");

        Assert.Throws<ArgumentNullException>(() => plan.Api.OpenApi(AliasInvokeArn));
    }

    [Test]
    public void ShopOnlyOrigin_IsTheShopsOriginInPreflightsAndRefusals()
    {
        var document = Create(raw => raw[SettingKeys.CorsAllowOrigin] = "shop", "https://d1.cloudfront.net");
        var preflight = document.GetProperty("paths").GetProperty("/orders").GetProperty("options")
            .GetProperty("x-amazon-apigateway-integration").GetProperty("responses").GetProperty("default").GetProperty("responseParameters");
        var refusal = document.GetProperty("x-amazon-apigateway-gateway-responses").GetProperty("UNAUTHORIZED").GetProperty("responseParameters");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(preflight.GetProperty("method.response.header.Access-Control-Allow-Origin").GetString(), Is.EqualTo("'https://d1.cloudfront.net'"));
            Assert.That(refusal.GetProperty("gatewayresponse.header.Access-Control-Allow-Origin").GetString(), Is.EqualTo("'https://d1.cloudfront.net'"));
        }
    }
}
