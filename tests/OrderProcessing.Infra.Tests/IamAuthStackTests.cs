using System.Text.Json;
using OrderProcessing.Infra.Plan.Api;
using OrderProcessing.Infra.Plan.Settings;
using OrderProcessing.Infra.Tests.Support;

namespace OrderProcessing.Infra.Tests;

/// <summary>The policies, run on the dev stack switched to IAM authentication, and what that switch promises.</summary>
[TestFixture]
[NonParallelizable]
public sealed class IamAuthStackTests() : BlindSpotPolicies("dev", new Dictionary<string, string> { [SettingKeys.ApiAuth] = "iam" })
{
    [Test]
    public void IamStack_RequiresSignedRequestsAndHasNoApiKey()
    {
        var restApi = Run.OfType("aws-apigateway:index:RestAPI").Single();
        using var document = JsonDocument.Parse(restApi.String("swaggerString"));
        var route = document.RootElement.GetProperty("paths").GetProperty(ApiPlan.ProxyPath).GetProperty("x-amazon-apigateway-any-method");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(route.GetProperty("x-amazon-apigateway-auth").GetProperty("type").GetString(), Is.EqualTo("AWS_IAM"));
            Assert.That(restApi.Has("apiKeySource"), Is.False);
            Assert.That(Run.OfType("aws:apigateway/apiKey:ApiKey"), Is.Empty);
            Assert.That(Run.OfType("aws:apigateway/usagePlan:UsagePlan"), Is.Empty);
        }
    }

    [Test]
    public async Task IamStack_ExportsNoApiKey()
    {
        var outputs = await Run.StackOutputsAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outputs["apiAuth"], Is.TypeOf<string>().And.EqualTo("iam"));
            // A null output is not registered at all: `pulumi stack output apiKey` reports it missing.
            Assert.That(outputs, Does.Not.ContainKey("apiKey"));
        }
    }
}
