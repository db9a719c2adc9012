using System.Text.Json;
using System.Text.Json.Nodes;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Functions.Tests.Support;

/// <summary>
/// The sample AWS events in <c>Samples/</c>, parsed afresh for each use so tests can vary them freely. Each follows,
/// member for member, the sample of the AWS Lambda developer guide (awsdocs/aws-lambda-developer-guide,
/// <c>sample-apps/java-events/events/</c>: <c>apigateway-v1.json</c>, <c>sqs-record.json</c>, <c>dynamodb-record.json</c>)
/// or of the API Gateway and Lambda guides (the proxy response's output format, the SQS partial batch response), with
/// values from this system (its paths, ids, table and queue names). The order event envelope is this system's own message
/// (what the pipe publishes to the order-events topic, delivered raw to the stage queues); its sample is the envelope of
/// the stream record sample, and it is the SQS sample's body.
/// </summary>
internal static class Samples
{
    public static JsonObject ApiGatewayEvent() => Load("apigateway-rest-proxy-event.json");

    public static JsonObject ApiGatewayResponse() => Load("apigateway-proxy-response.json");

    public static JsonObject SqsEvent() => Load("sqs-event.json");

    public static JsonObject SqsBatchResponse() => Load("sqs-batch-response.json");

    public static JsonObject StreamRecord() => Load("dynamodb-stream-record.json");

    /// <summary>The order event envelope the pipe's input template makes of the stream record sample (the SQS sample's body).</summary>
    public static JsonObject Envelope() => Load("order-event-envelope.json");

    /// <summary>The API Gateway sample as the shared record.</summary>
    public static ApiGatewayProxyRequest ApiGatewayRequest() =>
        JsonSerializer.Deserialize(ApiGatewayEvent().ToJsonString(), AwsEventJsonContext.Default.ApiGatewayProxyRequest)!;

    private static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Samples", name)))!.AsObject();
}
