using System.Text.Json.Serialization;
using OrderProcessing.Functions.Events.ApiGateway;
using OrderProcessing.Functions.Events.DynamoDb;
using OrderProcessing.Functions.Events.Sqs;

namespace OrderProcessing.Functions.Events;

/// <summary>
/// Source-generated JSON for the AWS event contracts, so handlers read and write events without reflection (a cold
/// start cost). Member names are fixed by <c>JsonPropertyName</c>, exactly as AWS spells them; unknown members are ignored.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(ApiGatewayProxyRequest))]
[JsonSerializable(typeof(ApiGatewayProxyResponse))]
[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(SqsBatchResponse))]
[JsonSerializable(typeof(DynamoDbStreamRecord))]
public sealed partial class AwsEventJsonContext : JsonSerializerContext;
