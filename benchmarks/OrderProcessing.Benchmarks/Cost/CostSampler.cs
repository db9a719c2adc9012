using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using OrderProcessing.Benchmarks.Events;
using OrderProcessing.Benchmarks.Storage;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Adapters.Aws;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Functions.Api;
using Microsoft.Extensions.Logging.Abstractions;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Notifications;
using OrderProcessing.Functions.Stages;
using OrderProcessing.Local.Mail;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Benchmarks.Cost;

/// <summary>
/// Carries a sample of orders through the functions composed exactly as deployed (settings, <see cref="AwsPortsFactory"/>,
/// the DynamoDB, S3 and SES adapters) against dynalite, s3rver and the local host's SES v2 endpoint
/// (<see cref="SesApiServer"/> over an in-memory transport, reached through <c>AWS_ENDPOINT_URL_SESV2</c>), one invocation
/// at a time, and counts per order what AWS bills: invocations and their durations, every DynamoDB and S3 call with its
/// capacity units, the e-mails SES accepted with their attachment bytes, and the log volume. Streams, Pipes, SNS and SQS
/// are played by the sampler: each new status is one order event, delivered as an SQS event of one message to every
/// queue function whose subscription takes that status (its stage and the customer e-mail function), the subscriber
/// first, while the stored order is still at that status.
/// </summary>
public sealed class CostSampler(Uri dynamoDb, Uri s3)
{
    private static readonly StorageNames Names = StorageNames.Prefixed("cost-");

    /// <summary>Products the sample's orders rotate over.</summary>
    public const int Products = 10;

    /// <summary>Runs <paramref name="warmUp"/> unmeasured orders, then measures <paramref name="orders"/>.</summary>
    public async Task<CostSample> RunAsync(int orders, int warmUp)
    {
        // The SES adapter signs with the SDK's default chain (in Lambda: the role's credentials from the environment);
        // here the bench's local key, which the endpoint accepts unchecked.
        foreach (var (name, value) in new[] { ("AWS_REGION", AwsClientSettings.LocalRegion), ("AWS_ACCESS_KEY_ID", BenchStorage.LocalKey), ("AWS_SECRET_ACCESS_KEY", BenchStorage.LocalKey) })
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        var outbox = new MeasuringMailTransport(new InMemoryMailTransport());
        await using var ses = await SesApiServer.StartAsync(outbox, NullLogger.Instance, CancellationToken.None).ConfigureAwait(false);
        var counter = RequestCounter.Install();
        await BenchStorage.ProvisionAsync(dynamoDb, s3, Names, BenchStorage.Products(Products), 1_000_000_000).ConfigureAwait(false);
        var settings = new Dictionary<string, string>(Names.ToSettings(), StringComparer.Ordinal)
        {
            [SettingNames.Environment] = "bench",
            [SettingNames.CorsAllowOrigin] = "*",
            [SettingNames.ApiAuth] = "none",
            [SettingNames.InvoiceLinkSeconds] = "300",
            [SettingNames.MailSender] = "Bench Shop <orders@bench.example>",
            [SettingNames.SesEndpoint] = ses.Endpoint.ToString(),
        };
        var ports = new AwsPortsFactory(BenchStorage.Local(dynamoDb), BenchStorage.Local(s3));
        var logs = SystemTopology.Functions.ToDictionary(f => f.Name, _ => new CountingStream(), StringComparer.Ordinal);
        FunctionBootstrap Bootstrap(FunctionDefinition f) =>
            FunctionBootstrap.Create(f, settings.GetValueOrDefault, ports, new StreamWriter(logs[f.Name], new UTF8Encoding(false)) { AutoFlush = true });
        var api = new ApiFunction(Bootstrap(SystemTopology.Api));
        var stages = new Dictionary<string, Func<Stream, Task<Stream>>>(StringComparer.Ordinal)
        {
            [SystemTopology.ReserveInventory.Name] = new ReserveInventoryFunction(Bootstrap(SystemTopology.ReserveInventory)).HandleAsync,
            [SystemTopology.ChargePayment.Name] = new ChargePaymentFunction(Bootstrap(SystemTopology.ChargePayment)).HandleAsync,
            [SystemTopology.ShipOrder.Name] = new ShipOrderFunction(Bootstrap(SystemTopology.ShipOrder)).HandleAsync,
            [SystemTopology.GenerateInvoice.Name] = new GenerateInvoiceFunction(Bootstrap(SystemTopology.GenerateInvoice)).HandleAsync,
        };
        var subscribers = SystemTopology.Subscribers.ToDictionary(
            f => f.Name,
            f => f.Name == SystemTopology.NotifyCustomer.Name
                ? new NotifyCustomerFunction(Bootstrap(f)).HandleAsync
                : (Func<Stream, Task<Stream>>)(_ => throw new InvalidOperationException($"The cost sample does not compose the subscriber {f.Name}.")),
            StringComparer.Ordinal);
        using var harnessClient = AwsClientFactory.CreateDynamoDb(BenchStorage.Local(dynamoDb));
        var harness = new DynamoDbOrderRepository(harnessClient, Names.Table(StorageSchema.Orders));
        var usage = SystemTopology.Functions.ToDictionary(f => f.Name, _ => new Usage(), StringComparer.Ordinal);

        string lastOrder = "", lastInvoice = "";
        var events = 0;
        for (var i = 0; i < warmUp + orders; i++)
        {
            if (i == warmUp)
            {
                events = 0;
                outbox.Reset();
                counter.Reset();
                foreach (var u in usage.Values)
                {
                    u.Reset();
                }

                foreach (var log in logs.Values)
                {
                    log.Reset();
                }
            }

            var response = await InvokeAsync(SystemTopology.Api.Name, usage, api.HandleAsync, ApiEvents.PlaceOrder(100_000 + i, $"sku-{i % Products}")).ConfigureAwait(false);
            var orderId = ApiEvents.OrderIdOf(response);
            var order = await harness.GetAsync(orderId).ConfigureAwait(false) ?? throw new InvalidOperationException($"Order {orderId} was not stored.");
            OrderStatus? previous = null;
            while (true)
            {
                // One order event: the stream pipe forwards it, SNS delivers it to each queue whose filter takes its status.
                events++;
                foreach (var subscriber in SystemTopology.Subscribers.Where(s => s.Trigger.Statuses.Contains(order.Status)))
                {
                    await DeliverAsync(subscriber.Name, usage, subscribers[subscriber.Name], order, previous).ConfigureAwait(false);
                }

                if (SystemTopology.StageFor(order.Status) is not { } stage)
                {
                    break;
                }

                await DeliverAsync(stage.Name, usage, stages[stage.Name], order, previous).ConfigureAwait(false);
                previous = order.Status;
                order = await harness.GetAsync(orderId).ConfigureAwait(false) ?? throw new InvalidOperationException($"Order {orderId} vanished.");
            }

            if (order.Status != OrderStatus.Completed)
            {
                throw new InvalidOperationException($"Order {orderId} ended {order.Status.ToWire()}, not COMPLETED.");
            }

            lastOrder = orderId;
            lastInvoice = order.InvoiceKey!;
        }

        var functions = SystemTopology.Functions.Where(f => usage[f.Name].Invocations > 0).Select(f =>
        {
            var u = usage[f.Name];
            var requests = counter.Tallies
                .Where(t => t.Key.Function == f.Name)
                .OrderBy(t => t.Key.Operation, StringComparer.Ordinal)
                .Select(t => new OperationUsage(t.Key.Operation, (double)t.Value.Calls / orders, t.Value.ReadUnits / orders, t.Value.WriteUnits / orders, t.Value.IndexWriteUnits / orders))
                .ToList();
            return new FunctionUsage(f.Name, f.MemoryMb, (double)u.Invocations / orders, u.WallMs / u.Invocations, u.BilledMs / u.Invocations, u.CpuMs / u.Invocations, (double)logs[f.Name].Written / orders, requests);
        }).ToList();
        return new CostSample(
            orders,
            functions,
            await ItemBytesAsync(harnessClient, Names.Table(StorageSchema.Products), ProductItemAttributes.ProductId, "sku-0").ConfigureAwait(false),
            await ItemBytesAsync(harnessClient, Names.Table(StorageSchema.Orders), OrderItemAttributes.OrderId, lastOrder).ConfigureAwait(false),
            await InvoiceBytesAsync(lastInvoice).ConfigureAwait(false),
            (double)events / orders,
            new MailUsage((double)outbox.Sent / orders, (double)outbox.AttachmentBytes / orders, (double)outbox.MessageBytes / orders));
    }

    // One SQS event of one message (the order's event envelope) to a queue function, which must not report it failed.
    private static async Task DeliverAsync(string function, Dictionary<string, Usage> usage, Func<Stream, Task<Stream>> handler, Order order, OrderStatus? previous)
    {
        var output = await InvokeAsync(function, usage, handler, StageEvents.ForTransition(order, previous, function)).ConfigureAwait(false);
        if (JsonSerializer.Deserialize(output, AwsEventJsonContext.Default.SqsBatchResponse)!.BatchItemFailures.Count > 0)
        {
            throw new InvalidOperationException($"{function} failed order {order.OrderId} at {order.Status.ToWire()}; see its logs.");
        }
    }

    private static async Task<MemoryStream> InvokeAsync(string function, Dictionary<string, Usage> usage, Func<Stream, Task<Stream>> handler, byte[] input)
    {
        RequestCounter.CurrentFunction = function;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        Stream output;
        try
        {
            output = await handler(new MemoryStream(input, writable: false)).ConfigureAwait(false);
        }
        finally
        {
            RequestCounter.CurrentFunction = null;
        }

        var wall = clock.Elapsed.TotalMilliseconds;
        var u = usage[function];
        u.Invocations++;
        u.WallMs += wall;
        u.BilledMs += Math.Ceiling(wall);
        u.CpuMs += (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var copy = new MemoryStream();
        await output.CopyToAsync(copy).ConfigureAwait(false);
        copy.Position = 0;
        return copy;
    }

    // DynamoDB's item size: attribute names plus values (strings and numbers by their text, which is close enough here).
    private static async Task<long> ItemBytesAsync(Amazon.DynamoDBv2.IAmazonDynamoDB client, string table, string keyName, string key)
    {
        var response = await client.GetItemAsync(new GetItemRequest { TableName = table, Key = new() { [keyName] = new AttributeValue { S = key } }, ConsistentRead = true }).ConfigureAwait(false);
        return response.Item is null ? 0 : Size(response.Item);
    }

    private static long Size(Dictionary<string, AttributeValue> item) => item.Sum(a => Encoding.UTF8.GetByteCount(a.Key) + Size(a.Value));

    private static long Size(AttributeValue value) => value switch
    {
        { S: { } s } => Encoding.UTF8.GetByteCount(s),
        { N: { } n } => n.Length,
        { M: { } m } => 3 + Size(m),
        { L: { } l } => 3 + l.Sum(Size),
        { BOOL: not null } or { NULL: true } => 1,
        _ => 0,
    };

    private async Task<long> InvoiceBytesAsync(string key)
    {
        using var client = AwsClientFactory.CreateS3(BenchStorage.Local(s3));
        using var response = await client.GetObjectAsync(Names.Bucket(StorageSchema.Invoices), key).ConfigureAwait(false);
        return response.ContentLength;
    }

    private sealed class Usage
    {
        public long Invocations { get; set; }

        public double WallMs { get; set; }

        public double BilledMs { get; set; }

        public double CpuMs { get; set; }

        public void Reset() => (Invocations, WallMs, BilledMs, CpuMs) = (0, 0, 0, 0);
    }
}
