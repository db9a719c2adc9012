using Amazon.DynamoDBv2;
using Amazon.S3;
using OrderProcessing.DevTools.Processes;
using OrderProcessing.Functions.Adapters.Aws;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Functions.Adapters.S3;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Reliability.Stores;

/// <summary>
/// The DynamoDB and S3 adapters against dynalite and s3rver, started on free loopback ports on first use and stopped
/// on dispose. Each <see cref="CreateAsync"/> provisions a fresh set of tables and a bucket under a unique prefix, with
/// the same provisioner the integration tests and the local host use.
/// </summary>
internal sealed class DynaliteStoreProvider : IStoreProvider, IAsyncDisposable
{
    // The only key pair s3rver accepts (dynalite checks none).
    private const string S3rverAccessKey = "S3RVER";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<IDisposable> _clients = [];
    private NodeServer? _dynalite;
    private NodeServer? _s3rver;
    private int _sandboxes;

    public string Name => "dynalite + s3rver";

    public async Task<StorePorts> CreateAsync(TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clock);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _dynalite ??= await NpmTestServers.DynaliteAsync().ConfigureAwait(false);
            _s3rver ??= await NpmTestServers.S3rverAsync().ConfigureAwait(false);
            var dynamoDb = AwsClientFactory.CreateDynamoDb(AwsClientSettings.ForLocalEndpoint(_dynalite.ServiceUrl));
            var s3 = AwsClientFactory.CreateS3(AwsClientSettings.ForLocalEndpoint(_s3rver.ServiceUrl, S3rverAccessKey, S3rverAccessKey));
            _clients.Add(dynamoDb);
            _clients.Add(s3);
            var names = StorageNames.Prefixed($"rel{++_sandboxes}-{Guid.NewGuid().ToString("N")[..6]}-");
            await new StorageProvisioner(dynamoDb, s3).EnsureAllAsync(names, TableProvisioningOptions.ForDynalite, cancellationToken).ConfigureAwait(false);
            return new StorePorts(
                Name,
                new DynamoDbOrderRepository(dynamoDb, names.Table(StorageSchema.Orders)),
                new DynamoDbCatalog(dynamoDb, names.Table(StorageSchema.Products), clock),
                new DynamoDbInventory(dynamoDb, names.Table(StorageSchema.Products), clock),
                new DynamoDbPaymentLedger(dynamoDb, names.Table(StorageSchema.Payments)),
                new S3InvoiceStore(s3, names.Bucket(StorageSchema.Invoices)),
                new DynamoDbIdempotencyStore(dynamoDb, names.Table(StorageSchema.Idempotency), clock));
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        if (_dynalite is not null)
        {
            await _dynalite.DisposeAsync().ConfigureAwait(false);
        }

        if (_s3rver is not null)
        {
            await _s3rver.DisposeAsync().ConfigureAwait(false);
        }

        _gate.Dispose();
    }
}
