using System.Reflection;
using OrderProcessing.Infra.Plan.Iam;
using OrderProcessing.Infra.Plan.Tests.Support;
using OrderProcessing.Topology;

namespace OrderProcessing.Infra.Plan.Tests.Iam;

/// <summary>
/// The function policies against grants written out by hand (<see cref="ExpectedGrants"/>), not against the topology the
/// policies are built from: an action added to a function's permissions fails here until SECURITY.md's table and the
/// written-out rows say it too.
/// </summary>
public sealed class WrittenOutGrantsTests
{
    private static readonly DeploymentPlan Plan = ValidSettings.Plan();

    private static IEnumerable<TestCaseData> Functions() =>
        SystemTopology.Functions.Select(f => new TestCaseData(f.Name).SetArgDisplayNames(f.Name));

    [TestCaseSource(nameof(Functions))]
    public void EveryFunction_IsGrantedExactlyTheWrittenOutActionsOnTheWrittenOutResources(string functionName)
    {
        var function = SystemTopology.Functions.Single(f => f.Name == functionName);
        var arns = SampleArns.For(Plan, functionName);

        var granted = PolicyReader.Grants(FunctionPolicies.For(function, arns).ToJson());

        Assert.That(granted, Is.EquivalentTo(ExpectedGrants.For(functionName, arns)));
    }

    [Test]
    public void EveryFunction_HasWrittenOutGrants()
    {
        Assert.That(ExpectedGrants.ByFunction.Keys, Is.EquivalentTo(SystemTopology.Functions.Select(f => f.Name)));
    }

    [Test]
    public void OnlyManagedPolicy_IsXRayWrite()
    {
        // Every managed policy the program may attach is a constant of ManagedPolicies; a broad one (AmazonDynamoDBFullAccess,
        // AWSLambda_FullAccess, AdministratorAccess) added there fails here. The mock tests check what is actually attached.
        var declared = typeof(ManagedPolicies).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Select(f => f.GetValue(null))
            .ToList();

        Assert.That(declared, Is.EqualTo(new object[] { "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess" }));
    }
}
