using OrderProcessing.DevTools;
using OrderProcessing.Infra.Plan.Functions;
using OrderProcessing.Infra.Plan.Settings;
using OrderProcessing.Infra.Plan.Tests.Support;
using OrderProcessing.Topology;

namespace OrderProcessing.Infra.Plan.Tests.Settings;

public sealed class StackFilesTests
{
    private static StackSettings Load(string stack)
    {
        var values = StackConfigFile.ReadProjectSettings(RepositoryRoot.StackFile(stack));
        return StackSettings.Load(key => values.GetValueOrDefault(key));
    }

    [TestCase("dev")]
    [TestCase("prod")]
    public void StackFile_ProducesValidSettings(string stack)
    {
        var settings = Load(stack);

        Assert.That(settings.Environment, Is.EqualTo(stack));
    }

    [TestCase("dev")]
    [TestCase("prod")]
    public void StackFile_ProducesAPlan(string stack)
    {
        var plan = DeploymentPlan.Create(stack, StackConfigFile.Read(RepositoryRoot.StackFile(stack))["aws:region"], Load(stack));

        Assert.That(plan.Names.Prefix, Is.EqualTo($"order-processing-{stack}"));
    }

    [TestCase("dev")]
    [TestCase("prod")]
    public void StackFile_SetsOnlyKeysTheProgramReads(string stack)
    {
        var declared = typeof(SettingKeys).GetFields()
            .Where(f => f.IsLiteral && f.Name != nameof(SettingKeys.Namespace))
            .Select(f => (string)f.GetRawConstantValue()!);

        Assert.That(StackConfigFile.ReadProjectSettings(RepositoryRoot.StackFile(stack)).Keys, Is.SubsetOf(declared));
    }

    [TestCase("dev")]
    [TestCase("prod")]
    public void StackFile_PointsAtTheFolderThePublishScriptWrites(string stack)
    {
        Assert.That(Load(stack).ArtifactPath, Is.EqualTo(LambdaArtifact.DefaultFolder));
    }

    [TestCase("dev")]
    [TestCase("prod")]
    public void StackFile_SetsTheAwsRegion(string stack)
    {
        Assert.That(StackConfigFile.Read(RepositoryRoot.StackFile(stack)), Does.ContainKey("aws:region"));
    }

    [Test]
    public void Prod_KeepsLogsLongerThanDev()
    {
        Assert.That(Load("prod").LogRetentionDays, Is.GreaterThan(Load("dev").LogRetentionDays));
    }

    [Test]
    public void Prod_IsDeletionProtectedAndDevIsNot()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Load("prod").DeletionProtection, Is.True);
            Assert.That(Load("dev").DeletionProtection, Is.False);
        }
    }

    [Test]
    public void Prod_AcceptsMoreTrafficThanDev()
    {
        var dev = Load("dev");
        var prod = Load("prod");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(prod.ThrottleRateLimit, Is.GreaterThan(dev.ThrottleRateLimit));
            Assert.That(prod.ThrottleBurstLimit, Is.GreaterThan(dev.ThrottleBurstLimit));
        }
    }

    [Test]
    public void Prod_EmailsAlarmsAndDevDoesNot()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Load("prod").AlarmEmails, Is.Not.Empty);
            Assert.That(Load("dev").AlarmEmails, Is.Empty);
        }
    }

    [Test]
    public void Prod_RestrictsBrowserOriginsToItsShop()
    {
        Assert.That(Load("prod").CorsAllowOrigin, Is.EqualTo(StackSettings.ShopOrigin));
    }

    [TestCase("dev")]
    [TestCase("prod")]
    public void StackFile_SignsCallersInWithCognito(string stack)
    {
        Assert.That(Load(stack).ApiAuth, Is.EqualTo(ApiAuthMode.Cognito));
    }

    [Test]
    public void PulumiProject_RunsTheInfraProgram()
    {
        var project = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "Pulumi.yaml"));

        Assert.That(project, Does.Contain("name: order-processing").And.Contain("runtime: dotnet").And.Contain("main: OrderProcessing.Infra"));
    }
}
