using Amazon.DynamoDBv2;
using Amazon.S3;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Functions.Adapters.Aws;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Benchmarks.Storage;

/// <summary>
/// Tables (and optionally the bucket) of the storage schema on local servers (dynalite, s3rver), created with the
/// adapters' own provisioner, and a catalog of products with ample stock.
/// </summary>
public static class BenchStorage
{
    /// <summary>Dummy keys for the local servers (s3rver accepts only these).</summary>
    public const string LocalKey = "S3RVER";

    /// <summary>Client settings for a local server at <paramref name="endpoint"/>.</summary>
    public static AwsClientSettings Local(Uri endpoint) => AwsClientSettings.ForLocalEndpoint(endpoint, LocalKey, LocalKey);

    /// <summary>Creates the tables named by <paramref name="names"/> (and the bucket when <paramref name="s3"/> is given) and stocks <paramref name="products"/>.</summary>
    public static async Task ProvisionAsync(Uri dynamoDb, Uri? s3, StorageNames names, IReadOnlyList<string> products, int stock)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(products);
        using var dynamo = AwsClientFactory.CreateDynamoDb(Local(dynamoDb));
        using var s3Client = s3 is null ? null : AwsClientFactory.CreateS3(Local(s3));
        await new StorageProvisioner(dynamo, s3Client).EnsureAllAsync(names, TableProvisioningOptions.ForDynalite).ConfigureAwait(false);
        var catalog = new DynamoDbCatalog(dynamo, names.Table(StorageSchema.Products), TimeProvider.System);
        foreach (var product in products)
        {
            await catalog.UpsertAsync(product, $"Product {product}", new Money(9.99m, Currency.Usd), stock).ConfigureAwait(false);
        }
    }

    /// <summary>Product ids <c>sku-0</c> ... of a catalog of <paramref name="count"/> products.</summary>
    public static IReadOnlyList<string> Products(int count) => Enumerable.Range(0, count).Select(i => $"sku-{i}").ToList();
}
