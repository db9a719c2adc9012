using System.Text.Json.Nodes;

namespace OrderProcessing.Functions.Tests.Support;

/// <summary>The sample AWS events in <c>Samples/</c>, parsed afresh for each use so tests can vary them freely.</summary>
internal static class Samples
{
    public static JsonObject ApiGatewayEvent() => Load("apigateway-rest-proxy-event.json");

    public static JsonObject SqsEvent() => Load("sqs-event.json");

    public static JsonObject StreamRecord() => Load("dynamodb-stream-record.json");

    private static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Samples", name)))!.AsObject();
}
