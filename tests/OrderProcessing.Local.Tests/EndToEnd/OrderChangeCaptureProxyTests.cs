using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using OrderProcessing.Core.Orders;
using OrderProcessing.DevTools.Processes;
using OrderProcessing.Functions.Adapters.Aws;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Local.ChangeCapture;
using OrderProcessing.Testing.Transport;
using OrderProcessing.Topology.Storage;
using OrderProcessing.Transport.ChangeFeed;

namespace OrderProcessing.Local.Tests.EndToEnd;

/// <summary>
/// The DynamoDB endpoint served to function processes: requests reach dynalite unchanged, and each stored write of an
/// order is raised on the change feed with the images a stream record would carry; a rejected write raises nothing.
/// </summary>
[NonParallelizable]
public sealed class OrderChangeCaptureProxyTests
{
    private static readonly DateTimeOffset Later = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Writes_ThroughTheProxy_AreStoredAndRaisedWithTheirImages()
    {
        await using var dynalite = await NpmTestServers.DynaliteAsync();
        var names = StorageNames.Prefixed("capture-");
        using var direct = AwsClientFactory.CreateDynamoDb(AwsClientSettings.ForLocalEndpoint(dynalite.ServiceUrl));
        await new StorageProvisioner(direct).EnsureAllAsync(names, TableProvisioningOptions.ForDynalite);
        var feed = new OrderChangeFeed(TimeProvider.System, NullLogger<OrderChangeFeed>.Instance);
        var changes = new ChangeRecorder();
        feed.Subscribe(changes);
        var table = names.Table(StorageSchema.Orders);
        await using var proxy = await OrderChangeCaptureProxy.StartAsync(dynalite.ServiceUrl, direct, table, feed, NullLogger.Instance, CancellationToken.None);
        using var throughProxy = AwsClientFactory.CreateDynamoDb(AwsClientSettings.ForLocalEndpoint(proxy.Endpoint));
        var orders = new DynamoDbOrderRepository(throughProxy, table);

        var order = Orders.Pending("o-capture");
        await orders.AddAsync(order);
        order.MarkReserved(Later);
        await orders.UpdateAsync(order);
        Assert.That(async () => await orders.UpdateAsync(order), Throws.Exception, "a write against a stale version is rejected");

        var stored = await new DynamoDbOrderRepository(direct, table).GetAsync("o-capture");
        Assert.That(stored?.Status, Is.EqualTo(OrderStatus.Reserved));
        Assert.That(changes.Seen.Select(c => (c.Kind, c.OldImage?.Status, c.NewImage?.Status)), Is.EqualTo(new (OrderChangeKind, OrderStatus?, OrderStatus?)[]
        {
            (OrderChangeKind.Insert, null, OrderStatus.Pending),
            (OrderChangeKind.Modify, OrderStatus.Pending, OrderStatus.Reserved),
        }));
        Assert.That(changes.Seen.Select(c => c.NewImage is { } image && OrderItemMapper.IsTransition(image)), Is.All.True);
    }

    [TestCase("PutItem", """{"TableName":"orders","Item":{"orderId":{"S":"o-1"}}}""", new[] { "o-1" })]
    [TestCase("PutItem", """{"TableName":"products","Item":{"orderId":{"S":"o-1"}}}""", new string[0])]
    [TestCase("UpdateItem", """{"TableName":"orders","Key":{"orderId":{"S":"o-2"}}}""", new[] { "o-2" })]
    [TestCase("DeleteItem", """{"TableName":"orders","Key":{"orderId":{"S":"o-3"}}}""", new[] { "o-3" })]
    [TestCase("TransactWriteItems", """{"TransactItems":[{"Put":{"TableName":"orders","Item":{"orderId":{"S":"o-5"}}}},{"Update":{"TableName":"stock","Key":{"orderId":{"S":"x"}}}},{"Delete":{"TableName":"orders","Key":{"orderId":{"S":"o-4"}}}}]}""", new[] { "o-4", "o-5" })]
    [TestCase("BatchWriteItem", """{"RequestItems":{"orders":[{"PutRequest":{"Item":{"orderId":{"S":"o-6"}}}},{"DeleteRequest":{"Key":{"orderId":{"S":"o-7"}}}}],"other":[{"PutRequest":{"Item":{"orderId":{"S":"o-8"}}}}]}}""", new[] { "o-6", "o-7" })]
    [TestCase("GetItem", """{"TableName":"orders","Key":{"orderId":{"S":"o-9"}}}""", new string[0])]
    public void OrderIdsWritten_ByOperation_AreTheOrdersTableItemsOnly(string operation, string request, string[] expected)
    {
        using var document = JsonDocument.Parse(request);

        Assert.That(OrderChangeCaptureProxy.OrderIdsWritten(operation, document.RootElement, "orders"), Is.EqualTo(expected));
    }

    private sealed class ChangeRecorder : IOrderChangeSubscriber
    {
        private readonly ConcurrentQueue<OrderChange> _seen = new();

        public IReadOnlyList<OrderChange> Seen => [.. _seen];

        public void OnChange(OrderChange change) => _seen.Enqueue(change);
    }
}
