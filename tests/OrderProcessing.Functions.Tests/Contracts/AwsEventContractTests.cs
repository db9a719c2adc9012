using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Tests.Support;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.ApiGateway;
using OrderProcessing.Topology.Events.DynamoDb;
using OrderProcessing.Topology.Events.Sqs;
using OrderProcessing.Transport.Events;

namespace OrderProcessing.Functions.Tests.Contracts;

/// <summary>
/// The shared AWS event records (<c>OrderProcessing.Topology.Events</c>) against the samples AWS documents: each sample
/// reads into the records with the fields the system uses, and each record writes AWS's member names and shapes. The
/// samples are the one encoding of these events that does not come from the records, so this is where a misspelt
/// member or a wrong shape shows.
/// </summary>
public sealed class AwsEventContractTests
{
    [Test]
    public void ApiGatewayProxyEvent_Sample_ReadsIntoTheRecordWithTheFieldsTheApiUses()
    {
        var e = Read(Samples.ApiGatewayEvent(), AwsEventJsonContext.Default.ApiGatewayProxyRequest);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(e.Resource, Is.EqualTo("/orders/{orderId}"));
            Assert.That(e.Path, Is.EqualTo("/orders/ord_01J0000000000000000000SAMPLE"));
            Assert.That(e.HttpMethod, Is.EqualTo("GET"));
            Assert.That(e.Headers!["Accept"], Is.EqualTo("application/json"));
            Assert.That(e.MultiValueHeaders!["X-Forwarded-For"], Is.EqualTo(new[] { "203.0.113.10, 198.51.100.20" }));
            Assert.That(e.QueryStringParameters, Is.Null);
            Assert.That(e.MultiValueQueryStringParameters, Is.Null);
            Assert.That(e.PathParameters!["orderId"], Is.EqualTo("ord_01J0000000000000000000SAMPLE"));
            Assert.That(e.RequestContext!.RequestId, Is.EqualTo("c6af9ac6-7b61-11e6-9a41-93e8deadbeef"));
            Assert.That(e.RequestContext.Stage, Is.EqualTo("prod"));
            Assert.That(e.RequestContext.RequestTimeEpoch, Is.EqualTo(1710268241123));
            Assert.That(e.RequestContext.Identity!.SourceIp, Is.EqualTo("203.0.113.10"));
            Assert.That(e.RequestContext.Identity.UserAgent, Is.EqualTo("curl/8.5.0"));
            Assert.That(e.Body, Is.Null);
            Assert.That(e.IsBase64Encoded, Is.False);
        }
    }

    [Test]
    public void ApiGatewayProxyResponse_Sample_ReadsIntoTheRecord()
    {
        var r = Read(Samples.ApiGatewayResponse(), AwsEventJsonContext.Default.ApiGatewayProxyResponse);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.StatusCode, Is.EqualTo(201));
            Assert.That(r.Header("location"), Is.EqualTo("/orders/ord_01J0000000000000000000SAMPLE"));
            Assert.That(r.MultiValueHeaders["Vary"], Is.EqualTo(new[] { "Accept", "Origin" }));
            Assert.That(JsonDocument.Parse(r.Body).RootElement.GetProperty("status").GetString(), Is.EqualTo("PENDING"));
            Assert.That(r.IsBase64Encoded, Is.False);
        }
    }

    [Test]
    public void SqsEvent_Sample_ReadsIntoTheRecordWithTheFieldsTheStagesUse()
    {
        var message = Read(Samples.SqsEvent(), AwsEventJsonContext.Default.SqsEvent).Records!.Single()!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.MessageId, Is.EqualTo("059f36b4-87a3-44ab-83d2-661975830a7d"));
            Assert.That(JsonNode.DeepEquals(JsonNode.Parse(message.Body!), Samples.Envelope()), Is.True, "the body is the envelope, delivered raw");
            Assert.That(message.ApproximateReceiveCount, Is.EqualTo(1));
            Assert.That(message.EventSource, Is.EqualTo("aws:sqs"));
            Assert.That(message.EventSourceArn, Does.EndWith(":orderprocessing-prod-reserve-inventory"));
        }
    }

    [Test]
    public void SqsBatchResponse_Sample_ReadsIntoTheRecord()
    {
        var response = Read(Samples.SqsBatchResponse(), AwsEventJsonContext.Default.SqsBatchResponse);

        Assert.That(response.BatchItemFailures.Select(f => f.ItemIdentifier), Is.EqualTo(new[] { "059f36b4-87a3-44ab-83d2-661975830a7d" }));
    }

    [Test]
    public void DynamoDbStreamRecord_Sample_ReadsIntoTheRecordWithTheFieldsTheStagesUse()
    {
        var record = Read(Samples.StreamRecord(), AwsEventJsonContext.Default.DynamoDbStreamRecord);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.EventName, Is.EqualTo(DynamoDbStreamRecord.Modify));
            Assert.That(record.DynamoDb!.Keys!["orderId"].S, Is.EqualTo("ord_01J0000000000000000000SAMPLE"));
            Assert.That(record.DynamoDb.NewImage!["status"].S, Is.EqualTo("RESERVED"));
            Assert.That(record.DynamoDb.OldImage!["status"].S, Is.EqualTo("PENDING"));
            Assert.That(record.DynamoDb.NewImage["version"].N, Is.EqualTo("2"));
            Assert.That(record.DynamoDb.NewImage["lines"].L!.Single().M!["quantity"].N, Is.EqualTo("2"));
            Assert.That(record.DynamoDb.NewImage["invoiceKey"].Null, Is.True);
            Assert.That(record.DynamoDb.StreamViewType, Is.EqualTo("NEW_AND_OLD_IMAGES"));
        }
    }

    [Test]
    public void OrderEventEnvelope_Sample_ReadsIntoTheRecord_WithTheValuesThePipeTakesFromTheStreamRecordSample()
    {
        var envelope = Read(Samples.Envelope(), AwsEventJsonContext.Default.OrderEventEnvelope);
        var change = Read(Samples.StreamRecord(), AwsEventJsonContext.Default.DynamoDbStreamRecord).DynamoDb!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(envelope.EventType, Is.EqualTo(change.NewImage!["lastEventType"].S));
            Assert.That(envelope.OrderId, Is.EqualTo(change.Keys!["orderId"].S));
            Assert.That(envelope.Status, Is.EqualTo(change.NewImage["enteredStatus"].S));
            Assert.That(envelope.OccurredAt, Is.EqualTo(change.NewImage["lastEvent"].M!["at"].S));
            Assert.That(envelope.Version, Is.EqualTo(change.NewImage["version"].N));
            Assert.That(envelope.SequenceNumber, Is.EqualTo(change.SequenceNumber));
        }
    }

    [Test]
    public void TransportEnvelope_HasTheMemberNamesAndShapesOfTheSample()
    {
        var orderEvent = new OrderEvent("order_updated", "ord_1", OrderStatus.Reserved, OrderStatus.Pending, 2, DateTimeOffset.UnixEpoch, "reserved");

        var written = JsonNode.Parse(OrderEventEnvelopes.ToJson(OrderEventEnvelopes.Of(orderEvent, 42)))!;

        Assert.That(Shape(written), Is.EqualTo(Shape(Samples.Envelope())));
    }

    [Test]
    public void EveryRecord_WritesTheSampleBack_WithAwsMemberNamesAndShapes()
    {
        using (Assert.EnterMultipleScope())
        {
            AssertWritesBack(Samples.ApiGatewayEvent(), AwsEventJsonContext.Default.ApiGatewayProxyRequest);
            AssertWritesBack(Samples.ApiGatewayResponse(), AwsEventJsonContext.Default.ApiGatewayProxyResponse);
            AssertWritesBack(Samples.SqsEvent(), AwsEventJsonContext.Default.SqsEvent);
            AssertWritesBack(Samples.SqsBatchResponse(), AwsEventJsonContext.Default.SqsBatchResponse);
            AssertWritesBack(Samples.StreamRecord(), AwsEventJsonContext.Default.DynamoDbStreamRecord);
            AssertWritesBack(Samples.Envelope(), AwsEventJsonContext.Default.OrderEventEnvelope);
        }
    }

    [Test]
    public void ProxyEventFactory_WritesTheSampleEvent_FromTheSameRequest()
    {
        var sample = Samples.ApiGatewayEvent();
        var context = Read(Samples.ApiGatewayEvent(), AwsEventJsonContext.Default.ApiGatewayProxyRequest).RequestContext!;
        var request = new ApiGatewayHttpRequest("GET", "/orders/ord_01J0000000000000000000SAMPLE")
        {
            Headers = sample["multiValueHeaders"]!.AsObject().SelectMany(h => h.Value!.AsArray().Select(v => KeyValuePair.Create(h.Key, v!.GetValue<string>()))).ToList(),
        };

        var written = ApiGatewayProxyRequestFactory.ForResource(
            request,
            "/orders/{orderId}",
            new Dictionary<string, string?> { ["orderId"] = "ord_01J0000000000000000000SAMPLE" },
            context with { ResourcePath = null, HttpMethod = null, Path = null });

        AssertCovers(sample, JsonSerializer.SerializeToNode(written, AwsEventJsonContext.Default.ApiGatewayProxyRequest)!, "$");
    }

    [Test]
    public async Task ApiFunctionResponse_HasTheMemberNamesAndShapesOfTheSampleResponse()
    {
        var system = new TestSystem();
        await using var output = await system.Api.HandleAsync(new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(
            ApiGatewayProxyRequestFactory.ForGreedyProxy(new ApiGatewayHttpRequest("GET", "/health"), new ApiGatewayRequestContext { Stage = "prod", RequestId = "r-1" }),
            AwsEventJsonContext.Default.ApiGatewayProxyRequest)));

        var written = (await JsonNode.ParseAsync(output))!.AsObject();

        Assert.That(Shape(written), Is.EqualTo(Shape(Samples.ApiGatewayResponse())));
    }

    private static T Read<T>(JsonObject sample, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(sample.ToJsonString(), type) ?? throw new AssertionException("the sample reads as null");

    // Reading the sample and writing it again gives every member of the sample back unchanged; what the record writes
    // beyond it is an optional member AWS leaves out or sends as null, never a value under a name AWS does not use.
    private static void AssertWritesBack<T>(JsonObject sample, JsonTypeInfo<T> type)
    {
        var written = JsonSerializer.SerializeToNode(Read(sample, type), type)!;
        AssertCovers(sample, written, "$");
    }

    private static void AssertCovers(JsonNode? expected, JsonNode? actual, string path)
    {
        if (expected is JsonObject expectedObject && actual is JsonObject actualObject)
        {
            foreach (var (name, value) in expectedObject)
            {
                Assert.That(actualObject.ContainsKey(name), Is.True, $"{path}.{name} is not written");
                AssertCovers(value, actualObject[name], $"{path}.{name}");
            }

            foreach (var (name, value) in actualObject.Where(m => !expectedObject.ContainsKey(m.Key)))
            {
                Assert.That(value, Is.Null, $"{path}.{name} is written but AWS's sample has no such member");
            }

            return;
        }

        if (expected is JsonArray expectedArray && actual is JsonArray actualArray)
        {
            Assert.That(actualArray, Has.Count.EqualTo(expectedArray.Count), path);
            for (var i = 0; i < expectedArray.Count; i++)
            {
                AssertCovers(expectedArray[i], actualArray[i], $"{path}[{i}]");
            }

            return;
        }

        Assert.That(JsonNode.DeepEquals(expected, actual), Is.True, $"{path}: expected {expected?.ToJsonString() ?? "null"}, written {actual?.ToJsonString() ?? "null"}");
    }

    // Member names with the JSON kind of each value, recursively: what a consumer of the JSON depends on.
    private static string Shape(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}:{(m.Key is "headers" or "multiValueHeaders" ? Kind(m.Value) : Shape(m.Value))}")) + "}",
        JsonArray a => "[" + (a.Count == 0 ? "" : Shape(a[0])) + "]",
        _ => Kind(node),
    };

    private static string Kind(JsonNode? node) => node?.GetValueKind().ToString() ?? "Null";
}
