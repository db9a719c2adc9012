using System.Text.Json;
using OrderProcessing.Infra.Plan.Api;
using OrderProcessing.Infra.Plan.Settings;
using OrderProcessing.Infra.Plan.Tests.Support;
using OrderProcessing.Topology;

namespace OrderProcessing.Infra.Plan.Tests.Api;

public sealed class ApiPlanTests
{
    private const string AliasInvokeArn =
        "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:order-processing-test-api:live/invocations";

    private static JsonElement Document(ApiAuthMode auth)
    {
        var plan = ValidSettings.Plan(raw => raw[SettingKeys.ApiAuth] = auth.Spelling());
        using var json = JsonDocument.Parse(plan.Api.OpenApi(AliasInvokeArn));
        return json.RootElement.Clone();
    }

    private static JsonElement Proxy(JsonElement document) => document.GetProperty("paths").GetProperty(ApiPlan.ProxyPath);

    [TestCase(ApiAuthMode.ApiKey)]
    [TestCase(ApiAuthMode.Iam)]
    public void ProxyRoute_SendsEveryMethodToTheApiAlias(ApiAuthMode auth)
    {
        var integration = Proxy(Document(auth)).GetProperty("x-amazon-apigateway-any-method").GetProperty("x-amazon-apigateway-integration");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(integration.GetProperty("type").GetString(), Is.EqualTo("aws_proxy"));
            Assert.That(integration.GetProperty("httpMethod").GetString(), Is.EqualTo("POST"));
            Assert.That(integration.GetProperty("uri").GetString(), Is.EqualTo(AliasInvokeArn));
        }
    }

    [Test]
    public void ApiKeyStack_RequiresAKeyOnTheProxyRoute()
    {
        var document = Document(ApiAuthMode.ApiKey);
        var security = Proxy(document).GetProperty("x-amazon-apigateway-any-method").GetProperty("security");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(security[0].TryGetProperty(OpenApiDocument.ApiKeyScheme, out _), Is.True);
            Assert.That(document.GetProperty("securityDefinitions").GetProperty(OpenApiDocument.ApiKeyScheme).GetProperty("name").GetString(), Is.EqualTo("x-api-key"));
            Assert.That(document.GetProperty("x-amazon-apigateway-api-key-source").GetString(), Is.EqualTo("HEADER"));
        }
    }

    [Test]
    public void IamStack_RequiresSignedRequestsOnTheProxyRoute()
    {
        var document = Document(ApiAuthMode.Iam);
        var method = Proxy(document).GetProperty("x-amazon-apigateway-any-method");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(method.GetProperty("x-amazon-apigateway-auth").GetProperty("type").GetString(), Is.EqualTo("AWS_IAM"));
            Assert.That(method.TryGetProperty("security", out _), Is.False);
            Assert.That(document.TryGetProperty("securityDefinitions", out _), Is.False);
        }
    }

    [TestCase(ApiAuthMode.ApiKey)]
    [TestCase(ApiAuthMode.Iam)]
    public void Preflight_IsAnsweredWithoutAuthenticationWithTheConfiguredOrigin(ApiAuthMode auth)
    {
        var options = Proxy(Document(auth)).GetProperty("options");
        var headers = options.GetProperty("x-amazon-apigateway-integration").GetProperty("responses").GetProperty("default").GetProperty("responseParameters");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.TryGetProperty("security", out _), Is.False);
            Assert.That(options.TryGetProperty("x-amazon-apigateway-auth", out _), Is.False);
            Assert.That(options.GetProperty("x-amazon-apigateway-integration").GetProperty("type").GetString(), Is.EqualTo("mock"));
            Assert.That(headers.GetProperty("method.response.header.Access-Control-Allow-Origin").GetString(), Is.EqualTo("'*'"));
            Assert.That(headers.GetProperty("method.response.header.Access-Control-Allow-Headers").GetString(), Does.Contain("Idempotency-Key"));
        }
    }

    [Test]
    public void Preflight_AllowsExactlyTheTopologysHeaders_WhichTheFunctionAllowsToo()
    {
        var headers = Proxy(Document(ApiAuthMode.ApiKey)).GetProperty("options").GetProperty("x-amazon-apigateway-integration")
            .GetProperty("responses").GetProperty("default").GetProperty("responseParameters");
        var allowed = headers.GetProperty("method.response.header.Access-Control-Allow-Headers").GetString()!.Trim('\'').Split(',');

        // The shop page sends its ID token in Authorization; the API function's own CORS step reads the same list.
        Assert.That(allowed, Is.EqualTo(ApiCors.AllowHeaders));
        Assert.That(allowed, Does.Contain("Authorization"));
    }

    [Test]
    public void Preflight_AllowsExactlyTheMethodsOfTheApiRoutesAndOptions()
    {
        var headers = Proxy(Document(ApiAuthMode.ApiKey)).GetProperty("options").GetProperty("x-amazon-apigateway-integration")
            .GetProperty("responses").GetProperty("default").GetProperty("responseParameters");
        var allowed = headers.GetProperty("method.response.header.Access-Control-Allow-Methods").GetString()!.Trim('\'').Split(',');

        Assert.That(allowed, Is.EquivalentTo(SystemTopology.ApiRoutes.Select(r => r.Method).Distinct().Append("OPTIONS")));
        Assert.That(allowed, Is.EquivalentTo(new[] { "GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" }), "the contract's methods");
    }

    [Test]
    public void GatewayErrors_CarryTheCorsOrigin()
    {
        var plan = ValidSettings.Plan(raw => raw[SettingKeys.CorsAllowOrigin] = "https://shop.example.com");
        using var json = JsonDocument.Parse(plan.Api.OpenApi(AliasInvokeArn));

        var responses = json.RootElement.GetProperty("x-amazon-apigateway-gateway-responses");
        foreach (var type in new[] { "DEFAULT_4XX", "DEFAULT_5XX" })
        {
            Assert.That(
                responses.GetProperty(type).GetProperty("responseParameters").GetProperty("gatewayresponse.header.Access-Control-Allow-Origin").GetString(),
                Is.EqualTo("'https://shop.example.com'"));
        }
    }

    [Test]
    public void ApiTitle_IsTheMetricsApiName()
    {
        var plan = ValidSettings.Plan();
        using var json = JsonDocument.Parse(plan.Api.OpenApi(AliasInvokeArn));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.RootElement.GetProperty("info").GetProperty("title").GetString(), Is.EqualTo(plan.Api.RestApiName));
            Assert.That(plan.Api.ServerErrorAlarm.Dimensions["ApiName"], Is.EqualTo(plan.Api.RestApiName));
            Assert.That(plan.Api.ServerErrorAlarm.Dimensions["Stage"], Is.EqualTo(plan.Api.StageName));
        }
    }

    [Test]
    public void Throttling_ComesFromTheStack()
    {
        var plan = ValidSettings.Plan();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Api.RateLimit, Is.EqualTo(50));
            Assert.That(plan.Api.BurstLimit, Is.EqualTo(100));
        }
    }

    [Test]
    public void OnlyPdf_IsPassedAsBinary()
    {
        Assert.That(ApiPlan.BinaryMediaTypes, Is.EqualTo(new[] { "application/pdf" }));
    }

    [Test]
    public void InvokeUrl_IsSplitIntoApiRegionAndStage()
    {
        var endpoint = ApiEndpoint.Parse("https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/v1/");

        Assert.That(endpoint, Is.EqualTo(new ApiEndpoint("a1b2c3d4e5", "eu-west-1", "v1")));
    }

    [TestCase("http://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/v1/")]
    [TestCase("https://example.com/v1/")]
    [TestCase("https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/")]
    [TestCase("not a url")]
    public void NonInvokeUrl_IsRejected(string url)
    {
        Assert.Throws<FormatException>(() => ApiEndpoint.Parse(url));
    }

    [Test]
    public void InvokePermission_IsLimitedToThisApiAndStage()
    {
        var endpoint = new ApiEndpoint("a1b2c3d4e5", "eu-west-1", "v1");

        Assert.That(
            endpoint.InvokeSourceArn("arn:aws:lambda:eu-west-1:123456789012:function:order-processing-test-api"),
            Is.EqualTo("arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/v1/*"));
    }
}
