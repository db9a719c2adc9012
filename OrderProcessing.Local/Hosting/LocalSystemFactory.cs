using Amazon.DynamoDBv2;
using Microsoft.Extensions.Logging;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Adapters.Aws;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Local.Catalog;
using OrderProcessing.Local.Handlers;
using OrderProcessing.Local.Mail;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Storage;
using OrderProcessing.Transport.ChangeFeed;
using OrderProcessing.Transport.Invocation;

namespace OrderProcessing.Local.Hosting;

/// <summary>
/// Composes the <see cref="LocalSystem"/> the options ask for: every function of the topology, found by its handler
/// string and built by its <see cref="FunctionBootstrap"/> constructor from the same settings Lambda would give it, over
/// ports whose orders store raises the local change feed.
/// </summary>
public static partial class LocalSystemFactory
{
    /// <summary>The system over in-memory stores or the AWS adapters.</summary>
    public static async Task<LocalSystem> CreateAsync(LocalOptions options, ILoggerFactory loggers, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        ArgumentNullException.ThrowIfNull(clock);
        var feed = new OrderChangeFeed(clock, loggers.CreateLogger<OrderChangeFeed>());
        var mail = LocalMail.For(options, clock);
        var storage = options.Storage == StorageMode.Memory
            ? InMemory(clock, mail)
            : await AwsAsync(options, clock, mail, loggers.CreateLogger(typeof(LocalSystemFactory).FullName!), cancellationToken).ConfigureAwait(false);
        try
        {
            var ports = new ChangeFeedPortsFactory(storage.Ports, feed);
            var settings = LocalSettings.For(options);
            var logs = new FunctionLogs(loggers);
            var failures = new StageFailureLog();
            var bootstraps = SystemTopology.Functions.ToDictionary(
                f => f.Name,
                f => FunctionBootstrap.Create(f, name => settings.GetValueOrDefault(name), ports, logs.WriterFor(f.Name), failures),
                StringComparer.Ordinal);
            var handlers = SystemTopology.Functions.ToDictionary(f => f.Name, f => LambdaFunctionHandler.Create(f, bootstraps[f.Name]), StringComparer.Ordinal);
            var catalog = bootstraps[SystemTopology.Api.Name].Services.Catalog;

            return new LocalSystem
            {
                Api = handlers[SystemTopology.Api.Name],
                StageFunction = f => handlers[f.Name],
                ChangeFeed = feed,
                FailureCauses = failures,
                Mail = mail,
                SeedCatalogAsync = async ct =>
                {
                    foreach (var (productId, product) in DemoCatalog.Products)
                    {
                        await catalog.PutAsync(productId, product, ct).ConfigureAwait(false);
                    }

                    return DemoCatalog.Products.Count;
                },
                StorageDescription = storage.Description,
                Resources = storage.Resources,
                ResumeFrom = storage.ResumeFrom,
            };
        }
        catch
        {
            foreach (var resource in storage.Resources)
            {
                resource.Dispose();
            }

            throw;
        }
    }

    private static Storage InMemory(TimeProvider clock, LocalMail mail) =>
        new(new SharedInMemoryPortsFactory(SystemPorts.InMemory(clock) with { MailTransport = mail.Transport }), "in-memory storage (everything is gone when the host stops)", [], null);

    // Each function gets the adapters its topology entry names, built by the same factory as in Lambda, only pointed at
    // the chosen endpoints.
    private static async Task<Storage> AwsAsync(LocalOptions options, TimeProvider clock, LocalMail mail, ILogger logger, CancellationToken cancellationToken)
    {
        var dynamoSettings = new AwsClientSettings(options.Region, options.DynamoDbEndpoint);
        var s3Settings = new AwsClientSettings(options.Region, options.S3Endpoint);
        var names = LocalSettings.Names(options);
        if (options.CreateTables)
        {
            using var provisioningDynamo = AwsClientFactory.CreateDynamoDb(dynamoSettings);
            using var provisioningS3 = AwsClientFactory.CreateS3(s3Settings);
            await CreateStorageAsync(new StorageProvisioner(provisioningDynamo, provisioningS3), names, logger, cancellationToken).ConfigureAwait(false);
        }

        var resumeClient = AwsClientFactory.CreateDynamoDb(dynamoSettings);
        var where = $"DynamoDB at {options.DynamoDbEndpoint?.ToString() ?? $"AWS {options.Region}"} (tables {options.TablePrefix}*), S3 at {options.S3Endpoint?.ToString() ?? $"AWS {options.Region}"} (bucket {names.Bucket(StorageSchema.Invoices)})";
        return new Storage(new AwsPortsFactory(dynamoSettings, s3Settings, clock, _ => mail.Transport), where, [resumeClient], new DynamoDbOrderRepository(resumeClient, names.Table(StorageSchema.Orders)));
    }

    private static async Task CreateStorageAsync(StorageProvisioner provisioner, StorageNames names, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await provisioner.EnsureAllAsync(names, new TableProvisioningOptions(), cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonDynamoDBException e) when (e.ErrorCode is "UnknownOperationException" or "UnrecognizedClientException" || e.Message.Contains("TimeToLive", StringComparison.OrdinalIgnoreCase))
        {
            // dynalite (and some emulators) have no UpdateTimeToLive. The adapters never rely on expiry, so go on without it.
            LogNoTimeToLive(logger, e.ErrorCode ?? e.GetType().Name);
            await provisioner.EnsureAllAsync(names, TableProvisioningOptions.ForDynalite, cancellationToken).ConfigureAwait(false);
        }

        LogStorageReady(logger, string.Join(", ", StorageSchema.Tables.Select(names.Table)), names.Bucket(StorageSchema.Invoices));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The DynamoDB endpoint has no time to live ({ErrorCode}): idempotency records will not expire")]
    private static partial void LogNoTimeToLive(ILogger logger, string errorCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tables {Tables} and bucket {Bucket} are ready")]
    private static partial void LogStorageReady(ILogger logger, string tables, string bucket);

    private sealed record Storage(IPortsFactory Ports, string Description, IReadOnlyList<IDisposable> Resources, IOrderRepository? ResumeFrom);
}
