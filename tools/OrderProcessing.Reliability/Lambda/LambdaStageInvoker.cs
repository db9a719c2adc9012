using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Topology.Storage;
using OrderProcessing.Topology;
using OrderProcessing.Reliability.Dispatch;

namespace OrderProcessing.Reliability.Lambda;

/// <summary>
/// Delivers stage batches to the real stage functions as Lambda would: an SQS event whose message bodies are the
/// DynamoDB stream records Pipes forwards (keys, full new image), answered with a partial batch response. A failed
/// message's cause is read back from the function's own log line for that message id.
/// </summary>
internal sealed class LambdaStageInvoker(IReadOnlyDictionary<string, Func<Stream, Task<Stream>>> handlers, LogCapture logs) : IStageInvoker
{
    private long _sequence;

    public async Task<IReadOnlyList<MessageResult>> InvokeAsync(FunctionDefinition function, IReadOnlyList<StageMessage> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(batch);
        var records = new JsonArray(batch.Select(m => (JsonNode)Message(function, m)).ToArray());
        var input = new MemoryStream(Encoding.UTF8.GetBytes(new JsonObject { ["Records"] = records }.ToJsonString()));
        await using var output = await handlers[function.Name](input).ConfigureAwait(false);
        using var response = await JsonDocument.ParseAsync(output, cancellationToken: cancellationToken).ConfigureAwait(false);
        var failed = response.RootElement.GetProperty("batchItemFailures").EnumerateArray()
            .Select(f => f.GetProperty("itemIdentifier").GetString())
            .ToHashSet(StringComparer.Ordinal);
        return batch.Select(m => new MessageResult(m.MessageId, failed.Contains(m.MessageId) ? CauseOf(m.MessageId) : null)).ToList();
    }

    private JsonObject Message(FunctionDefinition function, StageMessage message)
    {
        var change = message.Change;
        var image = change.Image is { } snapshot ? DynamoDbJson.Of(OrderItemMapper.ToItem(snapshot)) : new JsonObject
        {
            [OrderItemAttributes.OrderId] = new JsonObject { ["S"] = change.OrderId },
            [OrderItemAttributes.Status] = new JsonObject { ["S"] = change.NewStatus!.Value.ToWire() },
        };
        var record = new JsonObject
        {
            ["eventID"] = Guid.NewGuid().ToString("N"),
            ["eventName"] = change.OldStatus is null ? "INSERT" : "MODIFY",
            ["eventVersion"] = "1.1",
            ["eventSource"] = "aws:dynamodb",
            ["awsRegion"] = "us-east-1",
            ["dynamodb"] = new JsonObject
            {
                ["Keys"] = new JsonObject { [OrderItemAttributes.OrderId] = new JsonObject { ["S"] = change.OrderId } },
                ["NewImage"] = image,
                ["SequenceNumber"] = Interlocked.Increment(ref _sequence).ToString("D21", CultureInfo.InvariantCulture),
                ["StreamViewType"] = "NEW_AND_OLD_IMAGES",
            },
        };
        return new JsonObject
        {
            ["messageId"] = message.MessageId,
            ["receiptHandle"] = "rh-" + message.MessageId,
            ["body"] = record.ToJsonString(),
            ["attributes"] = new JsonObject { ["ApproximateReceiveCount"] = message.ReceiveCount.ToString(CultureInfo.InvariantCulture) },
            ["messageAttributes"] = new JsonObject(),
            ["eventSource"] = "aws:sqs",
            ["eventSourceARN"] = $"arn:aws:sqs:us-east-1:123456789012:orderprocessing-reliability-{function.Name}",
            ["awsRegion"] = "us-east-1",
        };
    }

    // The stage function logs every failed message under its id, with the error's type and message.
    private string CauseOf(string messageId)
    {
        foreach (var line in logs.Lines.Reverse())
        {
            if (!line.Contains(messageId, StringComparison.Ordinal))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.TryGetProperty("requestId", out var id) && id.GetString() == messageId && root.TryGetProperty("outcome", out var outcome) && outcome.GetString() == "failed")
            {
                var type = root.TryGetProperty("errorType", out var t) ? t.GetString() ?? "" : "";
                var text = root.TryGetProperty("errorMessage", out var m) ? m.GetString() : root.GetProperty("message").GetString();
                return type.EndsWith(".TransientFailureException", StringComparison.Ordinal) ? $"transient: {text}"
                    : type.EndsWith(".InjectedCrashException", StringComparison.Ordinal) ? $"crash: {text}"
                    : $"unexpected {(type.Length > 0 ? type[(type.LastIndexOf('.') + 1)..] : root.TryGetProperty("cause", out var c) ? c.GetString() : "failure")}: {text}";
            }
        }

        return "unexpected unlogged: the function reported the message as failed without logging why";
    }
}
