using OrderProcessing.Infra.Plan.Functions;
using OrderProcessing.Infra.Plan.Settings;
using OrderProcessing.Infra.Plan.Tests.Support;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Infra.Plan.Tests.Functions;

public sealed class FunctionPlanTests
{
    private static readonly DeploymentPlan Plan = ValidSettings.Plan();

    private static IEnumerable<TestCaseData> Functions() =>
        SystemTopology.Functions.Select(f => new TestCaseData(f.Name).SetArgDisplayNames(f.Name));

    private static IReadOnlyDictionary<string, string> EnvironmentOf(FunctionDefinition function) =>
        FunctionEnvironment.Resolve(function, Plan.Settings, Plan.Names, value => value, bucket => $"bucket:{bucket.LogicalName}");

    [Test]
    public void EveryTopologyFunction_IsDeployedOnce()
    {
        Assert.That(Plan.Functions.Select(f => f.Definition), Is.EqualTo(SystemTopology.Functions));
    }

    [Test]
    public void EveryFunction_HasItsOwnRoleAndLogGroup()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Plan.Functions.Select(f => f.RoleName), Is.Unique);
            Assert.That(Plan.Functions.Select(f => f.LogGroupName), Is.Unique);
            Assert.That(Plan.Functions.Select(f => f.LogGroupName), Has.All.StartsWith("/aws/lambda/"));
        }
    }

    [TestCaseSource(nameof(Functions))]
    public void EveryFunction_KeepsLogsAsLongAsTheStackSays(string name)
    {
        Assert.That(Plan.Functions.Single(f => f.Definition.Name == name).LogRetentionDays, Is.EqualTo(14));
    }

    [TestCaseSource(nameof(Functions))]
    public void EveryFunction_GetsExactlyItsDeclaredSettings(string name)
    {
        var function = SystemTopology.Functions.Single(f => f.Name == name);

        // Plus the optional settings the deployment knows (the customer e-mail's configuration set).
        var known = function.OptionalSettings.Where(s => s == SettingNames.MailConfigurationSet);
        Assert.That(EnvironmentOf(function).Keys, Is.EquivalentTo(function.Settings.Concat(known)));
    }

    [TestCaseSource(nameof(Functions))]
    public void EveryFunction_SeesPhysicalTableNames(string name)
    {
        var function = SystemTopology.Functions.Single(f => f.Name == name);
        var environment = EnvironmentOf(function);

        foreach (var table in StorageSchema.Tables.Where(t => function.Settings.Contains(t.EnvironmentVariable)))
        {
            Assert.That(environment[table.EnvironmentVariable], Is.EqualTo($"order-processing-test-{table.LogicalName}"));
        }
    }

    [Test]
    public void BucketSettings_ComeFromTheDeployedBucket()
    {
        Assert.That(EnvironmentOf(SystemTopology.Api)[StorageSchema.Invoices.EnvironmentVariable], Is.EqualTo("bucket:invoices"));
    }

    [Test]
    public void EnvironmentSetting_IsTheStacksEnvironment()
    {
        Assert.That(EnvironmentOf(SystemTopology.Api)[SystemTopology.EnvironmentSetting], Is.EqualTo("test"));
    }

    [Test]
    public void DeploymentSettings_AreProvidedWhenTheTopologyAsksForThem()
    {
        var function = SystemTopology.Api with { Settings = [SettingNames.InvoiceLinkSeconds, SettingNames.CorsAllowOrigin] };

        var environment = EnvironmentOf(function);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(environment[SettingNames.InvoiceLinkSeconds], Is.EqualTo("300"));
            Assert.That(environment[SettingNames.CorsAllowOrigin], Is.EqualTo("*"));
        }
    }

    [TestCase("cognito")]
    [TestCase("iam")]
    [TestCase("apiKey")]
    public void ApiAuthSetting_IsTheStacksAuthenticationMode(string mode)
    {
        var plan = ValidSettings.Plan(raw => raw[SettingKeys.ApiAuth] = mode);
        var function = SystemTopology.Api with { Settings = [SettingNames.ApiAuth] };

        var environment = FunctionEnvironment.Resolve(function, plan.Settings, plan.Names, value => value, bucket => bucket.LogicalName);

        Assert.That(environment[SettingNames.ApiAuth], Is.EqualTo(mode));
    }

    [Test]
    public void ShopOnlyOrigin_IsTheShopPagesOriginGivenAtDeployment()
    {
        var plan = ValidSettings.Plan(raw => raw[SettingKeys.CorsAllowOrigin] = "shop");
        var function = SystemTopology.Api with { Settings = [SettingNames.CorsAllowOrigin] };

        var environment = FunctionEnvironment.Resolve(function, plan.Settings, plan.Names, value => value, bucket => bucket.LogicalName, () => "https://d1.cloudfront.net");

        Assert.That(environment[SettingNames.CorsAllowOrigin], Is.EqualTo("https://d1.cloudfront.net"));
        Assert.Throws<InvalidOperationException>(() => FunctionEnvironment.Resolve(function, plan.Settings, plan.Names, value => value, bucket => bucket.LogicalName));
    }

    [Test]
    public void SettingNobodyProvides_FailsThePlanNamingIt()
    {
        var function = SystemTopology.Api with { Settings = ["PAYMENT_GATEWAY_URL"] };

        var error = Assert.Throws<InvalidOperationException>(() => EnvironmentOf(function));
        Assert.That(error.Message, Does.Contain("'PAYMENT_GATEWAY_URL'").And.Contain("'api'"));
    }

    [Test]
    public void EveryFunction_RunsTheNativeExecutableOnTheOsOnlyRuntimeWithTracingAndJsonLogs()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(FunctionPlan.Runtime, Is.EqualTo("provided.al2023"));
            Assert.That(FunctionPlan.Architecture, Is.EqualTo("x86_64"));
            Assert.That(FunctionPlan.TracingMode, Is.EqualTo("Active"));
            Assert.That(FunctionPlan.LogFormat, Is.EqualTo("JSON"));
        }
    }

    [Test]
    public void EveryFunction_IsInvokedThroughTheLiveAlias()
    {
        Assert.That(Plan.Functions.Select(f => f.AliasName), Has.All.EqualTo(FunctionPlan.LiveAlias));
    }
}
