using OrderProcessing.Infra.Plan.Settings;
using OrderProcessing.Infra.Tests.Support;

namespace OrderProcessing.Infra.Tests;

/// <summary>The policies, run on the prod stack switched to API keys (machine callers), and what that switch promises.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ApiKeyStackTests() : BlindSpotPolicies("prod", new Dictionary<string, string> { [SettingKeys.ApiAuth] = "apiKey" })
{
    [Test]
    public async Task ApiKeyStack_ExportsTheApiKeyAsASecretString()
    {
        var stack = Run.Mocks.RegisteredOutputs.Single(o => o.Key.Contains("::pulumi:pulumi:Stack::", StringComparison.Ordinal)).Value;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await stack["apiKey"].ValueAsync(), Is.TypeOf<string>().And.EqualTo(AwsMocks.ApiKeyValue));
            Assert.That(await Pulumi.Output.IsSecretAsync(stack["apiKey"]), Is.True);
        }
    }

    [Test]
    public void ApiKeyStack_RequiresAnApiKeyThrottledByAUsagePlan()
    {
        var plan = Run.OfType("aws:apigateway/usagePlan:UsagePlan").Single();
        var throttle = plan.Object("throttleSettings");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Run.OfType("aws:apigateway/apiKey:ApiKey"), Has.Count.EqualTo(1));
            Assert.That(Run.OfType("aws:apigateway/usagePlanKey:UsagePlanKey"), Has.Count.EqualTo(1));
            Assert.That(throttle.Property<double>("rateLimit"), Is.EqualTo(Run.Plan.Api.RateLimit));
            Assert.That(throttle.Property<double>("burstLimit"), Is.EqualTo(Run.Plan.Api.BurstLimit));
        }
    }
}
