using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using OrderProcessing.Topology.Events.DynamoDb;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Functions.Stages;

/// <summary>
/// Reads the body of a stage queue message: a DynamoDB stream record of the orders table as an EventBridge pipe forwards
/// it. Anything else is a poison message and is described, never guessed at. Only what a stage uses is read (event
/// name, keys, the images' order id and status; see <see cref="StageRecord"/>): the rest must be well-formed JSON but is
/// skipped, since the stage acts on the stored order, never on the images.
/// </summary>
internal static class StageMessageParser
{
    public static bool TryParse(string? body, [NotNullWhen(true)] out StageMessage? message, [NotNullWhen(false)] out string? problem)
    {
        message = null;
        if (string.IsNullOrWhiteSpace(body))
        {
            problem = "the message body is empty";
            return false;
        }

        StageRecord? record;
        try
        {
            record = JsonSerializer.Deserialize(body, StageJsonContext.Default.StageRecord);
        }
        catch (JsonException e)
        {
            problem = $"the message body is not a DynamoDB stream record: {e.Message}";
            return false;
        }

        if (record?.DynamoDb is not { } change)
        {
            problem = "the message body has no 'dynamodb' change";
            return false;
        }

        if (record.EventName is not (DynamoDbStreamRecord.Insert or DynamoDbStreamRecord.Modify or DynamoDbStreamRecord.Remove))
        {
            problem = $"the record's eventName '{record.EventName}' is not INSERT, MODIFY or REMOVE";
            return false;
        }

        var orderId = StringOf(change.Keys, OrderItemAttributes.OrderId)
            ?? change.NewImage?.OrderId?.S
            ?? change.OldImage?.OrderId?.S;
        if (string.IsNullOrWhiteSpace(orderId))
        {
            problem = $"the record names no order: no string '{OrderItemAttributes.OrderId}' in its Keys or images";
            return false;
        }

        message = new StageMessage(orderId, record.EventName, change.NewImage?.Status?.S);
        problem = null;
        return true;
    }

    private static string? StringOf(IReadOnlyDictionary<string, DynamoDbAttributeValue>? item, string attribute) =>
        item is not null && item.TryGetValue(attribute, out var value) ? value?.S : null;
}
