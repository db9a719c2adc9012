using OrderProcessing.Infra.Plan.Iam;
using OrderProcessing.Infra.Plan.Tests.Support;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Infra.Plan.Tests.Iam;

public sealed class FunctionPoliciesTests
{
    private static readonly DeploymentPlan Plan = ValidSettings.Plan();

    private static IEnumerable<TestCaseData> Functions() =>
        SystemTopology.Functions.Select(f => new TestCaseData(f.Name).SetArgDisplayNames(f.Name));

    private static string PolicyOf(string functionName)
    {
        var function = SystemTopology.Functions.Single(f => f.Name == functionName);
        return FunctionPolicies.For(function, SampleArns.For(Plan, functionName)).ToJson();
    }

    [TestCaseSource(nameof(Functions))]
    public void FunctionPolicy_IsValidJson(string function)
    {
        Assert.That(PolicyReader.Statements(PolicyOf(function)), Is.Not.Empty);
    }

    [TestCaseSource(nameof(Functions))]
    public void FunctionPolicy_HasNoWildcardAction(string function)
    {
        var actions = PolicyReader.Statements(PolicyOf(function)).SelectMany(s => s.Actions);

        Assert.That(actions.Where(PolicyReader.IsWildcard), Is.Empty);
    }

    [TestCaseSource(nameof(Functions))]
    public void FunctionPolicy_HasNoStarResource(string function)
    {
        var resources = PolicyReader.Statements(PolicyOf(function)).SelectMany(s => s.Resources).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(resources, Is.Not.Empty);
            Assert.That(resources, Has.None.EqualTo("*"));
            Assert.That(resources, Has.None.EndsWith("/index/*"));
        }
    }

    [TestCaseSource(nameof(Functions))]
    public void FunctionPolicy_HasOnlyAllowStatements(string function)
    {
        Assert.That(PolicyReader.Statements(PolicyOf(function)).Select(s => s.Effect), Has.All.EqualTo("Allow"));
    }

    [TestCaseSource(nameof(Functions))]
    public void FunctionPolicy_GrantsExactlyTheTopologysPermissionsAndItsOwnLogs(string functionName)
    {
        var function = SystemTopology.Functions.Single(f => f.Name == functionName);
        var arns = SampleArns.For(Plan, functionName);

        // The expectation is spelled out from the schema, independently of FunctionPolicies.
        var expected = function.Permissions
            .SelectMany(grant => grant.Actions.SelectMany(action => Expected(grant.Resource, arns).Select(resource => (action, resource))))
            .Concat(FunctionPolicies.LogActions.Select(action => (action, arns.LogGroup + ":*")))
            .ToHashSet();

        Assert.That(PolicyReader.Grants(PolicyOf(functionName)), Is.EquivalentTo(expected));
    }

    [TestCaseSource(nameof(Functions))]
    public void NoFunction_DeletesOrders_DeletionPutsATombstoneThatTheTableExpires(string functionName)
    {
        var ordersTable = SampleArns.Table(StorageSchema.Orders);

        Assert.That(PolicyReader.Grants(PolicyOf(functionName)), Does.Not.Contain(("dynamodb:DeleteItem", ordersTable)));
    }

    [Test]
    public void IndexGrant_NamesEveryDeclaredIndexOnce()
    {
        var arns = SampleArns.For(Plan, SystemTopology.Api.Name);
        var resources = FunctionPolicies.Resources(SystemTopology.Api, ResourceRef.TableIndexes(StorageSchema.Orders.LogicalName), arns);

        Assert.That(resources, Is.EqualTo(StorageSchema.Orders.Indexes.Select(i => $"{SampleArns.Table(StorageSchema.Orders)}/index/{i.Name}")));
    }

    [Test]
    public void BucketGrant_IsLimitedToTheKeyPrefix()
    {
        var arns = SampleArns.For(Plan, SystemTopology.GenerateInvoice.Name);
        var resources = FunctionPolicies.Resources(SystemTopology.GenerateInvoice, ResourceRef.BucketObjects(StorageSchema.Invoices.LogicalName), arns);

        Assert.That(resources, Is.EqualTo(new[] { $"{SampleArns.Bucket(StorageSchema.Invoices)}/{StorageSchema.Invoices.KeyPrefix}*" }));
    }

    [Test]
    public void StageFunction_MayConsumeOnlyItsOwnQueue()
    {
        var grants = PolicyReader.Grants(PolicyOf(SystemTopology.ChargePayment.Name));
        var sqsResources = grants.Where(g => g.Action.StartsWith("sqs:", StringComparison.Ordinal)).Select(g => g.Resource).Distinct();

        Assert.That(sqsResources, Is.EqualTo(new[] { SampleArns.Queue(Plan.Names.Queue(SystemTopology.ChargePayment)) }));
    }

    [Test]
    public void ApiFunction_HasNoQueueAccess()
    {
        Assert.That(PolicyReader.Grants(PolicyOf(SystemTopology.Api.Name)).Select(g => g.Action), Has.None.StartsWith("sqs:"));
    }

    [Test]
    public void GrantOnTableMissingFromTheSchema_FailsThePlan()
    {
        var rogue = SystemTopology.Api with { Permissions = [new(["dynamodb:GetItem"], ResourceRef.Table("billing"))] };

        var error = Assert.Throws<InvalidOperationException>(() => FunctionPolicies.For(rogue, SampleArns.For(Plan, SystemTopology.Api.Name)));
        Assert.That(error.Message, Does.Contain("'billing'"));
    }

    [Test]
    public void GrantOnOwnQueueWithoutOne_FailsThePlan()
    {
        var rogue = SystemTopology.Api with { Permissions = [new(["sqs:ReceiveMessage"], ResourceRef.OwnQueue)] };

        Assert.Throws<InvalidOperationException>(() => FunctionPolicies.For(rogue, SampleArns.For(Plan, SystemTopology.Api.Name)));
    }

    [Test]
    public void XRay_IsGrantedThroughTheAwsManagedPolicy()
    {
        Assert.That(ManagedPolicies.XRayDaemonWriteAccess, Is.EqualTo("arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"));
    }

    private static IEnumerable<string> Expected(ResourceRef resource, ResourceArns arns) => resource.Kind switch
    {
        ResourceKind.Table => [arns.Tables[resource.LogicalName]],
        ResourceKind.TableIndexes => StorageSchema.Tables.Single(t => t.LogicalName == resource.LogicalName).Indexes
            .Select(i => $"{arns.Tables[resource.LogicalName]}/index/{i.Name}"),
        ResourceKind.TableIndex => [$"{arns.Tables[resource.LogicalName]}/index/{resource.IndexName}"],
        ResourceKind.BucketObjects => [$"{arns.Buckets[resource.LogicalName]}/{StorageSchema.Buckets.Single(b => b.LogicalName == resource.LogicalName).KeyPrefix}*"],
        ResourceKind.OwnQueue => [arns.OwnQueue!],
        ResourceKind.MailIdentity => [arns.MailIdentity!],
        ResourceKind.MailConfigurationSet => [arns.MailConfigurationSet!],
        _ => throw new AssertionException($"Unknown resource kind {resource.Kind}."),
    };
}
