using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Api;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.ApiGateway;
using OrderProcessing.Functions.Stages;
using OrderProcessing.Topology.Storage;
using OrderProcessing.Topology;
using OrderProcessing.Integration.Tests.Servers;

namespace OrderProcessing.Integration.Tests.EndToEnd;

/// <summary>
/// The six functions composed exactly as deployed (their settings, <see cref="AwsPortsFactory"/>, the DynamoDB and S3
/// adapters) on a fresh sandbox of dynalite and s3rver, invoked through their Stream handlers with AWS event JSON. It
/// plays API Gateway, and Streams + Pipes + SQS: after each write it reads the order item, builds the stream record,
/// routes it to the stage the topology names for the new status and redelivers reported failures, up to the receive
/// limit, as SQS would.
/// </summary>
internal sealed class EndToEndSystem : IAsyncDisposable
{
    private readonly StorageSandbox _storage;
    private readonly StringWriter _output = new();
    private readonly Dictionary<string, Func<Stream, Task<Stream>>> _stages;
    private readonly Dictionary<string, Dictionary<string, AttributeValue>> _lastImage = new(StringComparer.Ordinal);

    private EndToEndSystem(StorageSandbox storage)
    {
        _storage = storage;
        var settings = new Dictionary<string, string>(storage.Names.ToSettings(), StringComparer.Ordinal)
        {
            [SettingNames.Environment] = "e2e",
            [SettingNames.InvoiceLinkSeconds] = "300",
            [SettingNames.CorsAllowOrigin] = "https://shop.example",
        };
        var ports = new AwsPortsFactory(storage.DynamoDbSettings, storage.S3Settings);
        FunctionBootstrap Bootstrap(FunctionDefinition f) => FunctionBootstrap.Create(f, settings.GetValueOrDefault, ports, _output);

        Api = new ApiFunction(Bootstrap(SystemTopology.Api));
        _stages = new Dictionary<string, Func<Stream, Task<Stream>>>(StringComparer.Ordinal)
        {
            [SystemTopology.ReserveInventory.Name] = new ReserveInventoryFunction(Bootstrap(SystemTopology.ReserveInventory)).HandleAsync,
            [SystemTopology.ChargePayment.Name] = new ChargePaymentFunction(Bootstrap(SystemTopology.ChargePayment)).HandleAsync,
            [SystemTopology.ShipOrder.Name] = new ShipOrderFunction(Bootstrap(SystemTopology.ShipOrder)).HandleAsync,
            [SystemTopology.GenerateInvoice.Name] = new GenerateInvoiceFunction(Bootstrap(SystemTopology.GenerateInvoice)).HandleAsync,
            [SystemTopology.Compensate.Name] = new CompensateFunction(Bootstrap(SystemTopology.Compensate)).HandleAsync,
        };
    }

    public ApiFunction Api { get; }

    public StorageSandbox Storage => _storage;

    /// <summary>Everything the functions logged.</summary>
    public string Output => _output.ToString();

    /// <summary>Messages that exhausted their receives, as the dead-letter queues would hold them.</summary>
    public List<(string Stage, string Body)> DeadLetters { get; } = [];

    public static async Task<EndToEndSystem> CreateAsync() => new(await StorageSandbox.CreateAsync(withBucket: true));

    public async Task<(int Status, ApiGatewayProxyResponse Response)> SendAsync(string method, string path, string? json = null, params (string Name, string Value)[] headers)
    {
        var headerMap = new Dictionary<string, string?> { ["Accept"] = "application/json", ["Host"] = "e2e.execute-api.us-east-1.amazonaws.com" };
        if (json is not null)
        {
            headerMap["Content-Type"] = "application/json";
        }

        foreach (var (name, value) in headers)
        {
            headerMap[name] = value;
        }

        var proxyEvent = new ApiGatewayProxyRequest
        {
            Resource = "/{proxy+}",
            Path = path,
            HttpMethod = method,
            Headers = headerMap,
            MultiValueHeaders = headerMap.ToDictionary(h => h.Key, h => (IReadOnlyList<string?>?)new[] { h.Value }),
            PathParameters = new Dictionary<string, string?> { ["proxy"] = path.TrimStart('/') },
            RequestContext = new ApiGatewayRequestContext { RequestId = Guid.NewGuid().ToString(), Stage = "e2e", HttpMethod = method, Path = "/e2e" + path, ResourcePath = "/{proxy+}" },
            Body = json,
        };
        var input = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(proxyEvent, AwsEventJsonContext.Default.ApiGatewayProxyRequest));
        await using var output = await Api.HandleAsync(input);
        var response = (await JsonSerializer.DeserializeAsync(output, AwsEventJsonContext.Default.ApiGatewayProxyResponse))!;
        return (response.StatusCode, response);
    }

    /// <summary>
    /// Delivers the stream records of every write the order has had since the last call, and of the writes the stages
    /// make in turn, until the order rests. <paramref name="holdBack"/> keeps records of that status in the queue (not
    /// delivered); they come back from <see cref="HeldBack"/>.
    /// </summary>
    public async Task FlushAsync(string orderId, OrderStatus? holdBack = null)
    {
        for (var writes = 0; writes < 20; writes++)
        {
            var item = await ReadItemAsync(orderId);
            _lastImage.TryGetValue(orderId, out var previous);
            if (item is null || (previous is not null && previous[OrderItemAttributes.Version].N == item[OrderItemAttributes.Version].N))
            {
                return;
            }

            _lastImage[orderId] = item;
            var body = StreamRecords.For(item, previous);
            var status = OrderStatusNames.Parse(item[OrderItemAttributes.Status].S);
            if (SystemTopology.StageFor(status) is not { } stage)
            {
                continue;
            }

            if (status == holdBack)
            {
                HeldBack.Add((stage, body));
                continue;
            }

            await DeliverAsync(stage, body);
        }

        throw new InvalidOperationException($"Order {orderId} kept changing for 20 writes.");
    }

    /// <summary>Records kept in the queue by <see cref="FlushAsync"/>.</summary>
    public List<(FunctionDefinition Stage, string Body)> HeldBack { get; } = [];

    /// <summary>Delivers one message to a stage, redelivering it while reported failed, up to the stage's receive limit.</summary>
    public async Task DeliverAsync(FunctionDefinition stage, string body)
    {
        var messageId = Guid.NewGuid().ToString();
        for (var receive = 1; receive <= stage.MaxReceiveCount; receive++)
        {
            var sqsEvent = JsonSerializer.Serialize(new
            {
                Records = new[]
                {
                    new
                    {
                        messageId,
                        receiptHandle = $"rh-{messageId}-{receive}",
                        body,
                        attributes = new Dictionary<string, string> { ["ApproximateReceiveCount"] = receive.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                        messageAttributes = new Dictionary<string, string>(),
                        eventSource = "aws:sqs",
                        eventSourceARN = $"arn:aws:sqs:us-east-1:123456789012:{stage.Name}",
                        awsRegion = "us-east-1",
                    },
                },
            });
            await using var output = await _stages[stage.Name](new MemoryStream(Encoding.UTF8.GetBytes(sqsEvent)));
            var response = (await JsonSerializer.DeserializeAsync(output, AwsEventJsonContext.Default.SqsBatchResponse))!;
            if (response.BatchItemFailures.Count == 0)
            {
                return;
            }
        }

        DeadLetters.Add((stage.Name, body));
    }

    public async Task<Dictionary<string, AttributeValue>?> ReadItemAsync(string orderId)
    {
        var response = await _storage.DynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = _storage.Names.Table(StorageSchema.Orders),
            Key = new Dictionary<string, AttributeValue> { [OrderItemAttributes.OrderId] = new() { S = orderId } },
            ConsistentRead = true,
        });
        return response.Item is { Count: > 0 } item ? item : null;
    }

    public ValueTask DisposeAsync() => _storage.DisposeAsync();
}
