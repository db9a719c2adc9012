using Amazon.DynamoDBv2;
using Amazon.S3;
using OrderProcessing.Functions.Adapters.Aws;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Integration.Tests.Servers;

/// <summary>
/// A fresh, isolated set of tables (and optionally the invoices bucket) on the shared test servers, named with a unique
/// prefix, with clients whose requests are recorded. Create one per test or per fixture; nothing is shared between
/// sandboxes, so tests never see each other's data.
/// </summary>
/// <example>
/// <code>
/// await using var storage = await StorageSandbox.CreateAsync(withBucket: true);
/// var orders = new DynamoDbOrderRepository(storage.DynamoDb, storage.Names.Table(StorageSchema.Orders));
/// var invoices = new S3InvoiceStore(storage.S3, storage.Names.Bucket(StorageSchema.Invoices));
/// // storage.Names.ToSettings() gives ORDERS_TABLE=..., for code that reads its settings.
/// </code>
/// </example>
public sealed class StorageSandbox : IAsyncDisposable
{
    private static int _counter;
    private readonly IAmazonS3? _s3;

    private StorageSandbox(StorageNames names, IAmazonDynamoDB dynamoDb, IAmazonS3? s3, AwsClientSettings dynamoDbSettings, AwsClientSettings? s3Settings, RequestRecorder recorder)
    {
        Names = names;
        DynamoDb = dynamoDb;
        _s3 = s3;
        DynamoDbSettings = dynamoDbSettings;
        S3Settings = s3Settings;
        Requests = recorder;
    }

    /// <summary>The sandbox's table and bucket names.</summary>
    public StorageNames Names { get; }

    /// <summary>A DynamoDB client on the shared dynalite, recorded by <see cref="Requests"/>.</summary>
    public IAmazonDynamoDB DynamoDb { get; }

    /// <summary>An S3 client on the shared s3rver, recorded by <see cref="Requests"/>; only when created with a bucket.</summary>
    public IAmazonS3 S3 => _s3 ?? throw new InvalidOperationException("This sandbox was created without a bucket.");

    /// <summary>Settings that reach the same dynalite (for code that makes its own clients).</summary>
    public AwsClientSettings DynamoDbSettings { get; }

    /// <summary>Settings that reach the same s3rver, when created with a bucket.</summary>
    public AwsClientSettings? S3Settings { get; }

    /// <summary>Every request the sandbox's clients sent since provisioning.</summary>
    public RequestRecorder Requests { get; }

    /// <summary>Starts the servers if needed, creates the tables (and bucket) under a unique prefix and clears the recorder.</summary>
    public static async Task<StorageSandbox> CreateAsync(bool withBucket = false)
    {
        var dynalite = await TestServers.DynaliteAsync();
        var s3rver = withBucket ? await TestServers.S3rverAsync() : null;
        var prefix = $"t{Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..8]}-";
        var names = StorageNames.Prefixed(prefix);
        var recorder = new RequestRecorder();
        var dynamoDb = dynalite.CreateClient();
        recorder.Attach(dynamoDb);
        var s3 = s3rver?.CreateClient();
        if (s3 is not null)
        {
            recorder.Attach(s3);
        }

        await new StorageProvisioner(dynamoDb, s3).EnsureAllAsync(names, TableProvisioningOptions.ForDynalite);
        recorder.Clear();
        return new StorageSandbox(names, dynamoDb, s3, dynalite.ClientSettings, s3rver?.ClientSettings, recorder);
    }

    /// <summary>Disposes the clients. The tables stay in the in-memory server until the run ends; their names are never reused.</summary>
    public ValueTask DisposeAsync()
    {
        DynamoDb.Dispose();
        _s3?.Dispose();
        return ValueTask.CompletedTask;
    }
}
