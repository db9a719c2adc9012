using System.Text.Json.Nodes;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Functions.Tests.Support;

/// <summary>
/// Builds SQS events for stage functions from the samples: each message body is a DynamoDB stream record of an order,
/// as an EventBridge pipe forwards it. Plays the part of Streams, Pipes and SQS in tests.
/// </summary>
internal sealed class StageEventBuilder
{
    private static int _sequence;
    private readonly List<JsonObject> _messages = [];

    /// <summary>Adds a message whose record says <paramref name="orderId"/> entered <paramref name="status"/>.</summary>
    public StageEventBuilder Record(string orderId, OrderStatus status, OrderStatus? previous = null, string? messageId = null, int receiveCount = 1, string eventName = "MODIFY")
    {
        var record = Samples.StreamRecord();
        record["eventName"] = eventName;
        var change = record["dynamodb"]!.AsObject();
        change["Keys"] = new JsonObject { ["orderId"] = new JsonObject { ["S"] = orderId } };
        change["NewImage"] = Image(orderId, status.ToWire());
        if (previous is { } p)
        {
            change["OldImage"] = Image(orderId, p.ToWire());
        }
        else
        {
            change.Remove("OldImage");
        }

        if (eventName == "REMOVE")
        {
            change["OldImage"] = change["NewImage"]!.DeepClone();
            change.Remove("NewImage");
        }

        change["SequenceNumber"] = "1111" + Interlocked.Increment(ref _sequence).ToString("D20", System.Globalization.CultureInfo.InvariantCulture);
        return Raw(record.ToJsonString(), messageId, receiveCount);
    }

    /// <summary>Adds a message with any body (a poison message, for instance).</summary>
    public StageEventBuilder Raw(string body, string? messageId = null, int receiveCount = 1)
    {
        var message = Samples.SqsEvent()["Records"]![0]!.DeepClone().AsObject();
        message["messageId"] = messageId ?? Guid.NewGuid().ToString();
        message["body"] = body;
        message["attributes"]!["ApproximateReceiveCount"] = receiveCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _messages.Add(message);
        return this;
    }

    public IReadOnlyList<string> MessageIds => _messages.Select(m => m["messageId"]!.GetValue<string>()).ToList();

    public string Build() => new JsonObject { ["Records"] = new JsonArray(_messages.Select(m => (JsonNode)m.DeepClone()).ToArray()) }.ToJsonString();

    private static JsonObject Image(string orderId, string status) => new()
    {
        ["orderId"] = new JsonObject { ["S"] = orderId },
        ["status"] = new JsonObject { ["S"] = status },
        ["customerId"] = new JsonObject { ["S"] = "c-42" },
        ["version"] = new JsonObject { ["N"] = "1" },
    };
}
