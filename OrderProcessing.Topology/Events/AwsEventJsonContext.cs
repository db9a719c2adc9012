using System.Text.Json.Serialization;
using OrderProcessing.Topology.Events.ApiGateway;
using OrderProcessing.Topology.Events.DynamoDb;
using OrderProcessing.Topology.Events.Orders;
using OrderProcessing.Topology.Events.Sqs;

namespace OrderProcessing.Topology.Events;

/// <summary>
/// Source-generated JSON for the AWS event contracts and the order event envelope, so handlers read and write events without reflection (a cold
/// start cost). Member names are fixed by <c>JsonPropertyName</c>, exactly as AWS spells them; unknown members are ignored.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(ApiGatewayProxyRequest))]
[JsonSerializable(typeof(ApiGatewayProxyResponse))]
[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(SqsBatchResponse))]
[JsonSerializable(typeof(DynamoDbStreamRecord))]
[JsonSerializable(typeof(OrderEventEnvelope))]
public sealed partial class AwsEventJsonContext : JsonSerializerContext;
