using OrderProcessing.Infra.Plan.Settings;
using OrderProcessing.Infra.Plan.Storage;
using OrderProcessing.Infra.Plan.Tests.Support;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Infra.Plan.Tests.Functions;

public sealed class StoragePlanTests
{
    [Test]
    public void EverySchemaTable_IsDeployedOnce()
    {
        Assert.That(ValidSettings.Plan().Tables.Select(t => t.Schema), Is.EqualTo(StorageSchema.Tables));
    }

    [Test]
    public void OrdersTable_StreamsNewAndOldImages()
    {
        Assert.That(ValidSettings.Plan().Table(StorageSchema.Orders).StreamViewType, Is.EqualTo("NEW_AND_OLD_IMAGES"));
    }

    [Test]
    public void ExpiringItems_AreIdempotencyRecordsAndOrderTombstones_ByTheirAdaptersAttributes()
    {
        var expiring = ValidSettings.Plan().Tables
            .Where(t => t.Schema.TimeToLiveAttribute is not null)
            .ToDictionary(t => t.Schema.LogicalName, t => t.Schema.TimeToLiveAttribute);

        Assert.That(expiring, Is.EquivalentTo(new Dictionary<string, string?>
        {
            [StorageSchema.Orders.LogicalName] = OrderItemAttributes.ExpiresAt,
            [StorageSchema.Idempotency.LogicalName] = IdempotencyItemAttributes.ExpiresAt,
        }));
    }

    [Test]
    public void IndexProjections_AreTheOnesTheAdaptersDeclare()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TablePlan.ProjectionType(StorageSchema.Products.Index("listing")), Is.EqualTo("KEYS_ONLY"));
            Assert.That(StorageSchema.Orders.Indexes.Select(TablePlan.ProjectionType), Has.All.EqualTo("ALL"));
        }
    }

    [Test]
    public void DeletionProtection_FollowsTheStack()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ValidSettings.Plan(raw => raw[SettingKeys.DeletionProtection] = "true").Tables.Select(t => t.DeletionProtection), Has.All.True);
            Assert.That(ValidSettings.Plan(raw => raw[SettingKeys.DeletionProtection] = "false").Tables.Select(t => t.DeletionProtection), Has.All.False);
        }
    }

    [Test]
    public void ProtectedStack_KeepsANonEmptyBucket()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ValidSettings.Plan(raw => raw[SettingKeys.DeletionProtection] = "true").Buckets.Select(b => b.ForceDestroy), Has.All.False);
            Assert.That(ValidSettings.Plan(raw => raw[SettingKeys.DeletionProtection] = "false").Buckets.Select(b => b.ForceDestroy), Has.All.True);
        }
    }

    [Test]
    public void InvoiceLifecycle_ComesFromTheStack()
    {
        var bucket = ValidSettings.Plan().Buckets.Single(b => b.Schema == StorageSchema.Invoices);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bucket.TransitionDays, Is.EqualTo(30));
            Assert.That(bucket.ExpirationDays, Is.EqualTo(365));
            Assert.That(bucket.NamePrefix, Is.EqualTo("order-processing-test-invoices-"));
        }
    }
}
