using System.Reflection;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Functions.Tests.Topology;

/// <summary>The topology is data others deploy and run: it must point at real handlers and grant nothing broad.</summary>
public sealed class TopologyTests
{
    private static IEnumerable<TestCaseData> Functions() =>
        SystemTopology.Functions.Select(f => new TestCaseData(f).SetArgDisplayNames(f.Name));

    [TestCaseSource(nameof(Functions))]
    public void Handler_IsTheFunctionsName_WhichTheEntryPointTableKnows(FunctionDefinition function)
    {
        Assert.That(function.Handler, Is.EqualTo(function.Name), "the bootstrap executable dispatches on _HANDLER, the function's name");
        Assert.That(FunctionEntryPoints.Find(function.Handler), Is.SameAs(function));
    }

    [Test]
    public void EveryNonTerminalStatusAndCancelled_HasExactlyOneConsumerStage()
    {
        var consumed = Enum.GetValues<OrderStatus>().Where(s => !OrderTransitions.IsTerminal(s) || s == OrderStatus.Cancelled);

        foreach (var status in consumed)
        {
            Assert.That(SystemTopology.Stages.Count(s => s.Trigger.Status == status), Is.EqualTo(1), $"{status.ToWire()} needs exactly one stage");
        }
    }

    [Test]
    public void TerminalStatusesOtherThanCancelled_HaveNoConsumer()
    {
        var ends = Enum.GetValues<OrderStatus>().Where(s => OrderTransitions.IsTerminal(s) && s != OrderStatus.Cancelled);

        Assert.That(ends.Where(s => SystemTopology.StageFor(s) is not null), Is.Empty);
    }

    [TestCaseSource(nameof(Functions))]
    public void NoPermission_HasAWildcardAction(FunctionDefinition function)
    {
        var actions = function.Permissions.SelectMany(p => p.Actions).ToList();

        Assert.That(actions, Is.Not.Empty);
        Assert.That(actions.Where(a => a.Contains('*', StringComparison.Ordinal) || !a.Contains(':', StringComparison.Ordinal)), Is.Empty);
    }

    [TestCaseSource(nameof(Functions))]
    public void NoPermission_HasAWildcardResource_AndEachNamesADeclaredResource(FunctionDefinition function)
    {
        var tables = StorageSchema.Tables.Select(t => t.LogicalName).ToHashSet();
        var buckets = StorageSchema.Buckets.Select(b => b.LogicalName).ToHashSet();

        foreach (var grant in function.Permissions)
        {
            Assert.That(grant.Resource.LogicalName, Does.Not.Contain("*"));
            var known = grant.Resource.Kind switch
            {
                ResourceKind.Table or ResourceKind.TableIndexes => tables.Contains(grant.Resource.LogicalName),
                ResourceKind.TableIndex => StorageSchema.Tables.Any(t => t.LogicalName == grant.Resource.LogicalName && t.Indexes.Any(i => i.Name == grant.Resource.IndexName)),
                ResourceKind.BucketObjects => buckets.Contains(grant.Resource.LogicalName),
                ResourceKind.OwnQueue => function.Trigger.IsQueue,
                // The stack's one SES identity and configuration set: only for a function that sends customer e-mail.
                ResourceKind.MailIdentity or ResourceKind.MailConfigurationSet => function.Settings.Contains(SettingNames.MailSender),
                _ => false,
            };
            Assert.That(known, Is.True, $"{grant.Resource} is not a resource of the system");
        }
    }

    [Test]
    public void StageQueues_HaveAVisibilityTimeoutOfSixTimesTheFunctionTimeout_AndReportPartialFailures()
    {
        foreach (var stage in SystemTopology.Stages)
        {
            Assert.That(stage.QueueVisibilityTimeoutSeconds, Is.EqualTo(stage.TimeoutSeconds * 6), stage.Name);
            Assert.That(stage.ReportsBatchItemFailures, Is.True, stage.Name);
            Assert.That(stage.MaxReceiveCount, Is.GreaterThan(1), stage.Name);
        }

        Assert.That(SystemTopology.Api.QueueVisibilityTimeoutSeconds, Is.Zero);
    }

    [Test]
    public void OrdersStayUndeletable_AtLeastAsLongAsAnyStageMessageCanBeInFlight()
    {
        var longest = SystemTopology.Stages.Max(s => TimeSpan.FromSeconds(s.MaxReceiveCount * s.QueueVisibilityTimeoutSeconds));

        Assert.That(SystemTopology.LongestStageMessageLifetime, Is.EqualTo(longest));
        Assert.That(SystemServices.DefaultOptions.SettlingPeriod, Is.GreaterThanOrEqualTo(longest));
    }

    [Test]
    public void ApiRoutes_AreUnique_AndCoverTheContract()
    {
        var keys = SystemTopology.ApiRoutes.Select(r => r.Key).ToList();

        Assert.That(keys, Is.Unique);
        Assert.That(keys, Is.SupersetOf(new[]
        {
            "POST /orders", "GET /orders/{orderId}", "GET /orders", "GET /customers/{customerId}/orders", "PATCH /orders/{orderId}",
            "POST /orders/{orderId}/cancel", "DELETE /orders/{orderId}", "GET /orders/{orderId}/invoice", "PUT /products/{productId}",
            "GET /products/{productId}", "GET /products", "GET /health",
        }));
    }

    [Test]
    public void EveryNamedRoute_IsListed_AndEveryListedRouteIsNamed()
    {
        var named = typeof(ApiRouteSet).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(ApiRoute))
            .Select(p => (ApiRoute)p.GetValue(SystemTopology.Routes)!)
            .ToList();

        Assert.That(named, Is.Unique);
        Assert.That(SystemTopology.ApiRoutes, Is.EquivalentTo(named));
    }

    [TestCaseSource(nameof(Functions))]
    public void RequiredAndOptionalSettings_DoNotOverlap(FunctionDefinition function)
    {
        Assert.That(function.Settings.Intersect(function.OptionalSettings), Is.Empty);
        Assert.That(function.Settings.Concat(function.OptionalSettings), Is.Unique);
    }
}
