using OrderProcessing.Infra.Plan.Tests.Support;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Naming;

namespace OrderProcessing.Infra.Plan.Tests.Naming;

public sealed class ResourceNamesTests
{
    [TestCase("dev")]
    [TestCase("prod")]
    [TestCase("staging-02")]
    public void EveryName_IsWithinAwsLimits(string stack)
    {
        var plan = DeploymentPlan.Create(stack, ValidSettings.Region, ValidSettings.Load());

        Assert.That(plan.PhysicalNames.Select(n => AwsNameRules.Problem(n.Kind, n.Value)).Where(p => p is not null), Is.Empty);
    }

    [Test]
    public void EveryName_IsUniqueWithinItsKind()
    {
        var plan = ValidSettings.Plan();

        var clashes = plan.PhysicalNames.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.That(clashes, Is.Empty);
    }

    [Test]
    public void EveryName_CarriesProjectAndStack()
    {
        var plan = DeploymentPlan.Create("dev", ValidSettings.Region, ValidSettings.Load());

        var names = plan.PhysicalNames.Where(n => n.Kind is not NameKind.IamRolePolicy and not NameKind.ApiStage);
        Assert.That(names.Select(n => n.Value), Has.All.Contain("order-processing-dev"));
    }

    [Test]
    public void TwoStacks_ShareNoName()
    {
        var dev = DeploymentPlan.Create("dev", ValidSettings.Region, ValidSettings.Load()).PhysicalNames
            .Where(n => n.Kind is not NameKind.IamRolePolicy and not NameKind.ApiStage);
        var prod = DeploymentPlan.Create("prod", ValidSettings.Region, ValidSettings.Load()).PhysicalNames;

        Assert.That(dev.Intersect(prod), Is.Empty);
    }

    [TestCase("Dev")]
    [TestCase("1dev")]
    [TestCase("dev_1")]
    [TestCase("much-too-long")]
    [TestCase("")]
    public void StackNameThatCannotAppearInAwsNames_IsRejected(string stack)
    {
        var error = Assert.Throws<ArgumentException>(() => _ = new ResourceNames(stack, ValidSettings.Region));

        Assert.That(error.Message, Does.Contain($"'{stack}'").And.Contain("at most 10 characters"));
    }

    [Test]
    public void LongestStackName_StillFitsTheBucketPrefix()
    {
        var plan = DeploymentPlan.Create(new string('a', ResourceNames.MaxStackNameLength), ValidSettings.Region, ValidSettings.Load());

        Assert.That(plan.Buckets.Select(b => b.NamePrefix.Length), Has.All.LessThanOrEqualTo(AwsNameRules.MaxLength(NameKind.S3BucketPrefix)));
    }

    [TestCase("us-east-1")]
    [TestCase("ap-southeast-2")]
    [TestCase("us-gov-west-1")]
    [TestCase("us-isof-south-1")]
    public void EveryName_IsWithinAwsLimits_WithTheLongestStackInAnyRegion(string region)
    {
        var plan = DeploymentPlan.Create(new string('a', ResourceNames.MaxStackNameLength), region, ValidSettings.Load());

        Assert.That(plan.PhysicalNames.Select(n => AwsNameRules.Problem(n.Kind, n.Value)).Where(p => p is not null), Is.Empty);
    }

    [Test]
    public void RoleNames_AreUniquePerRegion_SoOneStackDeploysToTwoRegionsOfAnAccount()
    {
        var east = DeploymentPlan.Create("prod", "us-east-1", ValidSettings.Load()).PhysicalNames.Where(n => n.Kind == NameKind.IamRole).ToList();
        var west = DeploymentPlan.Create("prod", "eu-west-1", ValidSettings.Load()).PhysicalNames.Where(n => n.Kind == NameKind.IamRole).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(east, Has.Count.EqualTo(SystemTopology.Functions.Count + 1), "one role per function and one for the stream pipe");
            Assert.That(east.Select(n => n.Value), Has.All.EndWith("-us-east-1"));
            Assert.That(west.Select(n => n.Value), Has.All.EndWith("-eu-west-1"));
            Assert.That(east.Intersect(west), Is.Empty, "IAM role names are account-wide");
        }
    }

    [TestCase("")]
    [TestCase("US-EAST-1")]
    [TestCase("useast1")]
    [TestCase("us-east-1-and-much-more")]
    public void RegionThatIsNoAwsRegion_IsRejected(string region)
    {
        var error = Assert.Throws<ArgumentException>(() => _ = new ResourceNames("dev", region));

        Assert.That(error.Message, Does.Contain($"'{region}'").And.Contain("aws:region"));
    }

    [TestCase(NameKind.LambdaFunction, "a-function-name-that-is-far-too-long-for-lambda-to-accept-it-at-all")]
    [TestCase(NameKind.SqsQueue, "queue.with.dots")]
    [TestCase(NameKind.S3BucketPrefix, "Upper-Case-")]
    [TestCase(NameKind.DynamoDbTable, "ab")]
    public void NameBreakingAwsRules_IsReported(NameKind kind, string name)
    {
        Assert.That(AwsNameRules.Problem(kind, name), Does.Contain($"'{name}'"));
    }
}
