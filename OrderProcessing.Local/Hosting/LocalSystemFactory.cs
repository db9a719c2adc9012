using Amazon.DynamoDBv2;
using Microsoft.Extensions.Logging;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Adapters.Aws;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Local.Catalog;
using OrderProcessing.Local.ChangeCapture;
using OrderProcessing.Local.Handlers;
using OrderProcessing.Local.Lambda;
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
        var resources = new List<IDisposable>(storage.Resources);
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
            var catalog = bootstraps[SystemTopology.Api.Name].Services.Catalog;
            IReadOnlyDictionary<string, IFunctionHandler> handlers;
            IReadOnlyList<IAsyncDisposable> services = [];
            if (options.Functions == FunctionsMode.Process)
            {
                var children = await StartProcessesAsync(options, settings, feed, mail, logs, loggers, cancellationToken).ConfigureAwait(false);
                services = children.Services;
                resources.AddRange(children.Resources);
                handlers = children.Handlers;
            }
            else
            {
                handlers = SystemTopology.Functions.ToDictionary(f => f.Name, IFunctionHandler (f) => LambdaFunctionHandler.Create(f, bootstraps[f.Name]), StringComparer.Ordinal);
            }

            return new LocalSystem
            {
                Api = handlers[SystemTopology.Api.Name],
                StageFunction = f => handlers[f.Name],
                ChangeFeed = feed,

                // Child processes cannot reach the host's failure log: their causes are in their log lines instead.
                FailureCauses = options.Functions == FunctionsMode.Process ? null : failures,
                Mail = mail,
                SeedCatalogAsync = async ct =>
                {
                    foreach (var (productId, product) in DemoCatalog.Products)
                    {
                        await catalog.PutAsync(productId, product, ct).ConfigureAwait(false);
                    }

                    return DemoCatalog.Products.Count;
                },
                StorageDescription = options.Functions == FunctionsMode.Process ? $"{storage.Description}; functions as AOT child processes from {options.FunctionsPath}" : storage.Description,
                Resources = resources,
                Services = services,
                ResumeFrom = storage.ResumeFrom,

                // The sweeper's own orders store, the one the host's change feed watches, so a nudge reaches its stage.
                StuckOrders = new Functions.Sweeping.StuckOrderOperations(bootstraps[SystemTopology.SweepStuckOrders.Name].Services.Ports.Orders!, clock),
            };
        }
        catch
        {
            foreach (var resource in resources)
            {
                resource.Dispose();
            }

            throw;
        }
    }

    // Process mode: the published bootstrap, one child per function, each on its own Runtime API, writing DynamoDB through
    // the change-capturing endpoint (see OrderChangeCaptureProxy for why), S3 directly, and sending e-mail through the
    // host's SES endpoint into the local mail (see SesApiServer).
    private static async Task<Children> StartProcessesAsync(LocalOptions options, IReadOnlyDictionary<string, string> settings, OrderChangeFeed feed, LocalMail mail, FunctionLogs logs, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        string executable;
        try
        {
            executable = ProcessFunctions.FindExecutable(options.FunctionsPath);
        }
        catch (FileNotFoundException e)
        {
            throw new OptionsException(e.Message);
        }

        var reader = AwsClientFactory.CreateDynamoDb(new AwsClientSettings(options.Region, options.DynamoDbEndpoint));
        OrderChangeCaptureProxy? proxy = null;
        SesApiServer? ses = null;
        try
        {
            proxy = await OrderChangeCaptureProxy.StartAsync(
                options.DynamoDbEndpoint!, reader, LocalSettings.Names(options).Table(StorageSchema.Orders), feed, loggers.CreateLogger<OrderChangeCaptureProxy>(), cancellationToken).ConfigureAwait(false);
            ses = await SesApiServer.StartAsync(mail.Transport, loggers.CreateLogger<SesApiServer>(), cancellationToken).ConfigureAwait(false);
            var childSettings = new Dictionary<string, string>(settings, StringComparer.Ordinal)
            {
                [SettingNames.DynamoDbEndpoint] = proxy.Endpoint.ToString().TrimEnd('/'),
                [SettingNames.SesEndpoint] = ses.Endpoint.ToString().TrimEnd('/'),
            };
            var functions = await ProcessFunctions.StartAsync(executable, SystemTopology.Functions, f => LocalSettings.ForProcess(f, childSettings), options.Region, logs, loggers, cancellationToken).ConfigureAwait(false);
            var handlers = SystemTopology.Functions.ToDictionary(f => f.Name, f => functions.Handler(f.Name), StringComparer.Ordinal);

            // The children stop before the endpoints they write through.
            return new Children(handlers, [functions, proxy, ses], [reader]);
        }
        catch
        {
            if (ses is not null)
            {
                await ses.DisposeAsync().ConfigureAwait(false);
            }

            if (proxy is not null)
            {
                await proxy.DisposeAsync().ConfigureAwait(false);
            }

            reader.Dispose();
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

    private sealed record Children(IReadOnlyDictionary<string, IFunctionHandler> Handlers, IReadOnlyList<IAsyncDisposable> Services, IReadOnlyList<IDisposable> Resources);

    private sealed record Storage(IPortsFactory Ports, string Description, IReadOnlyList<IDisposable> Resources, IOrderRepository? ResumeFrom);
}
