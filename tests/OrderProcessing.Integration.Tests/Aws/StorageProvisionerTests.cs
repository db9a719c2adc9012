using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OrderProcessing.Functions.Adapters.Aws;
using OrderProcessing.Integration.Tests.Servers;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Integration.Tests.Aws;

/// <summary>The provisioner creates exactly what the schema declares, and only when missing.</summary>
[TestFixture]
public sealed class StorageProvisionerTests
{
    [Test]
    public async Task EnsureAll_CreatesEveryTableWithTheSchemasKeysAndIndexes()
    {
        var names = StorageNames.Prefixed($"prov-{Guid.NewGuid():N}-");
        using var client = (await TestServers.DynaliteAsync()).CreateClient();

        await new StorageProvisioner(client).EnsureAllAsync(names, TableProvisioningOptions.ForDynalite);

        foreach (var schema in StorageSchema.Tables)
        {
            var table = (await client.DescribeTableAsync(names.Table(schema))).Table;
            Assert.That(table.TableStatus, Is.EqualTo(TableStatus.ACTIVE));
            Assert.That(Keys(table.KeySchema), Is.EqualTo(Keys(schema.PartitionKey, schema.SortKey)), schema.LogicalName);
            Assert.That(table.AttributeDefinitions.Select(a => (a.AttributeName, a.AttributeType.Value)), Is.EquivalentTo(schema.KeyAttributes.Select(a => (a.Name, a.TypeCode))), schema.LogicalName);
            var indexes = (table.GlobalSecondaryIndexes ?? []).ToDictionary(i => i.IndexName);
            Assert.That(indexes.Keys, Is.EquivalentTo(schema.Indexes.Select(i => i.Name)), schema.LogicalName);
            foreach (var index in schema.Indexes)
            {
                Assert.That(Keys(indexes[index.Name].KeySchema), Is.EqualTo(Keys(index.PartitionKey, index.SortKey)), index.Name);
                Assert.That(indexes[index.Name].Projection.ProjectionType, Is.EqualTo(index.Projection == IndexProjection.KeysOnly ? ProjectionType.KEYS_ONLY : ProjectionType.ALL), index.Name);
            }
        }
    }

    [Test]
    public async Task EnsureAll_Twice_KeepsTheData()
    {
        var names = StorageNames.Prefixed($"prov-{Guid.NewGuid():N}-");
        using var client = (await TestServers.DynaliteAsync()).CreateClient();
        var provisioner = new StorageProvisioner(client);
        await provisioner.EnsureAllAsync(names, TableProvisioningOptions.ForDynalite);
        await client.PutItemAsync(names.Table(StorageSchema.Payments), new Dictionary<string, AttributeValue> { [PaymentItemAttributes.OrderId] = new() { S = "o-1" } });

        await provisioner.EnsureAllAsync(names, TableProvisioningOptions.ForDynalite);

        var item = await client.GetItemAsync(names.Table(StorageSchema.Payments), new Dictionary<string, AttributeValue> { [PaymentItemAttributes.OrderId] = new() { S = "o-1" } });
        Assert.That(item.Item, Is.Not.Empty);
    }

    [Test]
    public async Task EnsureAll_WithAnS3Client_CreatesTheBucketOnce()
    {
        var names = StorageNames.Prefixed($"prov-{Guid.NewGuid():N}"[..20] + "-");
        using var dynamoDb = (await TestServers.DynaliteAsync()).CreateClient();
        using var s3 = (await TestServers.S3rverAsync()).CreateClient();
        var provisioner = new StorageProvisioner(dynamoDb, s3);

        await provisioner.EnsureAllAsync(names, TableProvisioningOptions.ForDynalite);
        await provisioner.EnsureAllAsync(names, TableProvisioningOptions.ForDynalite);

        var buckets = await s3.ListBucketsAsync();
        Assert.That(buckets.Buckets.Select(b => b.BucketName), Does.Contain(names.Bucket(StorageSchema.Invoices)));
    }

    [Test]
    public void CreateTableRequest_OrdersTable_HasTheStreamOfTheSchema()
    {
        var request = StorageProvisioner.CreateTableRequestFor(StorageSchema.Orders, "orders");

        Assert.That(request.StreamSpecification.StreamEnabled, Is.True);
        Assert.That(request.StreamSpecification.StreamViewType, Is.EqualTo(StreamViewType.NEW_AND_OLD_IMAGES));
        Assert.That(request.BillingMode, Is.EqualTo(BillingMode.PAY_PER_REQUEST));
        Assert.That(StorageProvisioner.CreateTableRequestFor(StorageSchema.Products, "products").StreamSpecification, Is.Null);
    }

    private static List<(string, string)> Keys(List<KeySchemaElement> keys) => keys.Select(k => (k.AttributeName, k.KeyType.Value)).ToList();

    private static List<(string, string)> Keys(KeyAttribute partition, KeyAttribute? sort) =>
        sort is null ? [(partition.Name, KeyType.HASH.Value)] : [(partition.Name, KeyType.HASH.Value), (sort.Name, KeyType.RANGE.Value)];
}
