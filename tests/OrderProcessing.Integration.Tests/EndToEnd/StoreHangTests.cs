using System.Diagnostics;
using System.Text;
using System.Text.Json;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Functions.Adapters.Aws;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Integration.Tests.Servers;
using OrderProcessing.Testing.Orders;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.ApiGateway;
using OrderProcessing.Topology.Events.Sqs;
using OrderProcessing.Topology.Storage;
using OrderProcessing.Transport.Events;

namespace OrderProcessing.Integration.Tests.EndToEnd;

/// <summary>
/// A store that stops answering (dynalite paused with <c>SIGSTOP</c> mid-request) is answered within the invocation's
/// budget: the API function says <c>503</c> with <c>Retry-After</c> itself, and a stage returns its messages as batch item
/// failures, instead of both running into Lambda's timeout. After the store resumes, nothing is half-written and a retry
/// completes. The functions are entered exactly as the runtime enters them, through <see cref="FunctionEntryPoints"/>,
/// with short timeouts so the test does not wait out the real ones.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class StoreHangTests
{
    private static readonly InvocationTimeouts Short = new()
    {
        Budget = TimeSpan.FromSeconds(2),
        Margin = TimeSpan.FromSeconds(1),
        Calls = new AwsCallLimits(TimeSpan.FromMilliseconds(500), MaxErrorRetry: 1),
    };

    private static readonly TimeSpan GuardAgainstHanging = TimeSpan.FromSeconds(60);

    private DynaliteServer _dynalite = null!;
    private StorageNames _names = null!;
    private Dictionary<string, string> _settings = null!;
    private AwsClientSettings _s3 = null!;

    [OneTimeSetUp]
    public async Task StartOwnStoreAsync()
    {
        // A server of its own: pausing the shared one would stall every other test's requests.
        _dynalite = await DynaliteServer.StartAsync();
        _s3 = (await TestServers.S3rverAsync()).ClientSettings;
        _names = StorageNames.Prefixed("hang-");
        using var client = _dynalite.CreateClient();
        await new StorageProvisioner(client, null).EnsureAllAsync(_names, TableProvisioningOptions.ForDynalite);
        await new DynamoDbCatalog(client, _names.Table(StorageSchema.Products), TimeProvider.System).UpsertAsync("sku-1", "Widget", new Money(12.5m, Currency.Usd), 100);
        _settings = new Dictionary<string, string>(_names.ToSettings(), StringComparer.Ordinal)
        {
            [SettingNames.Environment] = "hang",
            [SettingNames.CorsAllowOrigin] = "https://shop.example",
            [SettingNames.InvoiceLinkSeconds] = "300",
            [SettingNames.ApiAuth] = "none",
        };
    }

    [OneTimeTearDown]
    public async Task StopOwnStoreAsync()
    {
        Signal("CONT");
        await _dynalite.DisposeAsync();
    }

    [Test]
    public async Task PlaceOrder_StoreHangs_Answers503WithRetryAfterAndARetryPlacesOneWholeOrder()
    {
        var api = Entry(SystemTopology.Api);
        var body = """{"customerId":"c-hang","customerEmail":"jane@example.com","customerName":"Jane","items":[{"productId":"sku-1","quantity":2}],"paymentToken":"tok_visa","shippingAddress":{"line1":"1 Main St","city":"Springfield","postalCode":"12345","country":"US"}}""";

        ApiGatewayProxyResponse during;
        Signal("STOP");
        try
        {
            during = await PostAsync(api, body, "key-hang-1");
        }
        finally
        {
            Signal("CONT");
        }

        Assert.That(during.StatusCode, Is.EqualTo(503), during.Body.ToString());
        Assert.That(Header(during, "Retry-After"), Is.EqualTo("1"));
        Assert.That(Header(during, "Content-Type"), Does.StartWith("application/problem+json"));
        using (var problem = JsonDocument.Parse(during.Body.ToString()))
        {
            Assert.That(problem.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(503));
            Assert.That(problem.RootElement.GetProperty("type").GetString(), Is.Not.Empty);
        }

        // Whatever the paused store took in before it stopped is applied when it resumes; the retry with the same key
        // must then find or finish that one order, never a second one.
        var retried = await PostAsync(api, body, "key-hang-1");
        Assert.That(retried.StatusCode, Is.AnyOf(200, 201), retried.Body.ToString());
        using var placed = JsonDocument.Parse(retried.Body.ToString());
        var orderId = placed.RootElement.GetProperty("orderId").GetString()!;

        using var client = _dynalite.CreateClient();
        var orders = new DynamoDbOrderRepository(client, _names.Table(StorageSchema.Orders));
        var page = await orders.ListAsync(new OrderQuery(null, "c-hang", 10, null));
        Assert.That(page.Items.Select(o => o.OrderId), Is.EqualTo(new[] { orderId }));
        var stored = page.Items.Single();
        Assert.That(stored.Status, Is.EqualTo(OrderStatus.Pending));
        Assert.That(stored.Lines.Single().Quantity, Is.EqualTo(2));
        Assert.That(stored.Total.Amount, Is.EqualTo(25m));

        var again = await PostAsync(api, body, "key-hang-1");
        Assert.That(again.StatusCode, Is.AnyOf(200, 201), again.Body.ToString());
        using var replay = JsonDocument.Parse(again.Body.ToString());
        Assert.That(replay.RootElement.GetProperty("orderId").GetString(), Is.EqualTo(orderId));
    }

    [Test]
    public async Task ReserveInventory_StoreHangs_ReturnsEveryMessageAsBatchItemFailureAndTheRedeliveryReserves()
    {
        using var client = _dynalite.CreateClient();
        var orders = new DynamoDbOrderRepository(client, _names.Table(StorageSchema.Orders));
        string[] orderIds = [$"o-hang-{Guid.NewGuid():N}", $"o-hang-{Guid.NewGuid():N}"];
        foreach (var id in orderIds)
        {
            await orders.AddAsync(new OrderBuilder().WithId(id).WithCustomer("c-stage").WithLine("sku-1", 1, 12.5m).Build());
        }

        var stage = Entry(SystemTopology.ReserveInventory);
        var sqsEvent = StageEvent(orderIds);
        var messageIds = sqsEvent.Records!.Select(r => r!.MessageId!).ToArray();

        SqsBatchResponse during;
        Signal("STOP");
        try
        {
            during = await InvokeAsync(stage, sqsEvent, AwsEventJsonContext.Default.SqsEvent, AwsEventJsonContext.Default.SqsBatchResponse);
        }
        finally
        {
            Signal("CONT");
        }

        Assert.That(during.BatchItemFailures!.Select(f => f!.ItemIdentifier), Is.EquivalentTo(messageIds));

        var after = await InvokeAsync(stage, sqsEvent, AwsEventJsonContext.Default.SqsEvent, AwsEventJsonContext.Default.SqsBatchResponse);
        Assert.That(after.BatchItemFailures, Is.Empty);
        foreach (var id in orderIds)
        {
            Assert.That((await orders.GetAsync(id))!.Status, Is.EqualTo(OrderStatus.Reserved), id);
        }
    }

    private FunctionEntryPoint Entry(FunctionDefinition function)
    {
        var ports = new AwsPortsFactory(_dynalite.ClientSettings, _s3, timeouts: Short);
        return FunctionEntryPoints.Create(function, FunctionBootstrap.Create(function, _settings.GetValueOrDefault, ports, TextWriter.Null, timeouts: Short));
    }

    private static SqsEvent StageEvent(IEnumerable<string> orderIds)
    {
        var records = orderIds.SelectMany((id, i) =>
        {
            var orderEvent = new OrderEvent(OrderEventTypes.Created, id, OrderStatus.Pending, null, 1, DateTimeOffset.UtcNow, "placed");
            return SqsEventFactory.ForEnvelope(OrderEventEnvelopes.Of(orderEvent, i + 1), "orderprocessing-hang-reserve", DateTimeOffset.UtcNow).Records!;
        });
        return new SqsEvent { Records = [.. records] };
    }

    private static Task<ApiGatewayProxyResponse> PostAsync(FunctionEntryPoint api, string body, string idempotencyKey)
    {
        var headers = new Dictionary<string, string?> { ["Content-Type"] = "application/json", ["Idempotency-Key"] = idempotencyKey };
        var proxyEvent = new ApiGatewayProxyRequest
        {
            Resource = "/{proxy+}",
            Path = "/orders",
            HttpMethod = "POST",
            Headers = headers,
            MultiValueHeaders = headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string?>?)new[] { h.Value }),
            PathParameters = new Dictionary<string, string?> { ["proxy"] = "orders" },
            RequestContext = new ApiGatewayRequestContext { RequestId = Guid.NewGuid().ToString(), Stage = "hang", HttpMethod = "POST", Path = "/hang/orders", ResourcePath = "/{proxy+}" },
            Body = body,
        };
        return InvokeAsync(api, proxyEvent, AwsEventJsonContext.Default.ApiGatewayProxyRequest, AwsEventJsonContext.Default.ApiGatewayProxyResponse);
    }

    private static async Task<TOut> InvokeAsync<TIn, TOut>(FunctionEntryPoint function, TIn input, System.Text.Json.Serialization.Metadata.JsonTypeInfo<TIn> inType, System.Text.Json.Serialization.Metadata.JsonTypeInfo<TOut> outType)
    {
        // No deadline token: the budget alone must end the wait, as it ends it before Lambda's deadline in AWS. The
        // generous guard only turns a regression (a call that waits for the store for ever) into a failure, not a hang.
        await using var output = await function.InvokeAsync(new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(input, inType)), CancellationToken.None).WaitAsync(GuardAgainstHanging);
        return (await JsonSerializer.DeserializeAsync(output, outType))!;
    }

    private static string? Header(ApiGatewayProxyResponse response, string name) =>
        response.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value
        ?? response.MultiValueHeaders?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", _dynalite.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { RedirectStandardError = true })!;
        kill.WaitForExit();
        Assert.That(kill.ExitCode, Is.EqualTo(0), $"kill -{signal}: {kill.StandardError.ReadToEnd()}");
    }
}
