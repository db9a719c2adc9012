using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.Orders;

namespace OrderProcessing.Functions.Stages;

/// <summary>
/// Reads the body of a stage queue message: the <see cref="OrderEventEnvelope"/> the orders stream's pipe publishes to the
/// order-events topic, delivered raw. Anything else, or an envelope missing a member, is a poison message and is
/// described, never guessed at: the pipe always writes every member for a transition.
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

        OrderEventEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(body, AwsEventJsonContext.Default.OrderEventEnvelope);
        }
        catch (JsonException e)
        {
            problem = $"the message body is not an order event envelope: {e.Message}";
            return false;
        }

        if (envelope is null)
        {
            problem = "the message body is not an order event envelope: it is null";
            return false;
        }

        var missing = new List<string>();
        Require(envelope.EventType, "eventType", missing);
        Require(envelope.OrderId, "orderId", missing);
        Require(envelope.Status, "status", missing);
        Require(envelope.OccurredAt, "occurredAt", missing);
        Require(envelope.Version, "version", missing);
        Require(envelope.SequenceNumber, "sequenceNumber", missing);
        if (missing.Count > 0)
        {
            problem = $"the order event envelope has no {string.Join(", ", missing.Select(m => $"'{m}'"))}";
            return false;
        }

        message = new StageMessage(envelope.OrderId!, envelope.Status!, envelope.EventType!, envelope.Version!);
        problem = null;
        return true;
    }

    private static void Require(string? value, string member, List<string> missing)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            missing.Add(member);
        }
    }
}
