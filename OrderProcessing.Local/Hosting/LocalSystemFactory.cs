using Microsoft.Extensions.Logging;
using OrderProcessing.Core.Invoices;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Storage;
using OrderProcessing.Functions.Topology;
using OrderProcessing.Local.Catalog;
using OrderProcessing.Local.ChangeFeed;
using OrderProcessing.Local.Handlers;

namespace OrderProcessing.Local.Hosting;

/// <summary>
/// Composes the <see cref="LocalSystem"/> the options ask for: every function of the topology, found by its handler
/// string and built by its <see cref="FunctionBootstrap"/> constructor from the same settings Lambda would give it, over
/// ports whose orders store raises the local change feed.
/// </summary>
public static class LocalSystemFactory
{
    /// <summary>The system over in-memory stores or the AWS adapters.</summary>
    public static Task<LocalSystem> CreateAsync(LocalOptions options, ILoggerFactory loggers, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        ArgumentNullException.ThrowIfNull(clock);
        var feed = new OrderChangeFeed(clock, loggers.CreateLogger<OrderChangeFeed>());
        if (options.Storage != StorageMode.Memory)
        {
            throw new OptionsException("--storage aws needs the DynamoDB and S3 adapters, which this build does not have yet.");
        }

        var memory = SystemPorts.InMemory(clock, new PdfInvoiceRenderer());
        var ports = new SharedPortsFactory(memory with { Orders = new ChangeFeedOrderRepository(memory.Orders!, feed) });
        const string storage = "in-memory storage (everything is gone when the host stops)";

        var settings = LocalSettings.For(options);
        var logs = new FunctionLogs(loggers);
        var bootstraps = SystemTopology.Functions.ToDictionary(
            f => f.Name,
            f => FunctionBootstrap.Create(f, name => settings.GetValueOrDefault(name), ports, logs.WriterFor(f.Name, isStage: f.Trigger.Kind == TriggerKind.StageQueue)),
            StringComparer.Ordinal);
        var handlers = SystemTopology.Functions.ToDictionary(f => f.Name, f => LambdaFunctionHandler.Create(f, bootstraps[f.Name]), StringComparer.Ordinal);
        var catalog = bootstraps[SystemTopology.Api.Name].Services.Catalog;

        return Task.FromResult(new LocalSystem
        {
            Api = handlers[SystemTopology.Api.Name],
            StageFunction = f => handlers[f.Name],
            ChangeFeed = feed,
            StreamRecords = new OrderStreamRecordEncoder(OrderImages.Of, options.Region, "000000000000", LocalSettings.TableName(options, StorageSchema.Orders)),
            FailureCauses = logs,
            SeedCatalogAsync = async ct =>
            {
                foreach (var (productId, product) in DemoCatalog.Products)
                {
                    await catalog.PutAsync(productId, product, ct).ConfigureAwait(false);
                }

                return DemoCatalog.Products.Count;
            },
            StorageDescription = storage,
        });
    }
}
