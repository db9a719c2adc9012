using System.Text.Json;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.Orders;

namespace OrderProcessing.Testing.Transport;

/// <summary>What a fake stage read from one SQS record.</summary>
public sealed record SqsRecord(string MessageId, string Body, int ReceiveCount, string EventSource, string EventSourceArn)
{
    /// <summary>The body as the order event envelope, or null when it is not one (an injected poison message).</summary>
    public OrderEventEnvelope? Envelope
    {
        get
        {
            try
            {
                return JsonSerializer.Deserialize(Body, AwsEventJsonContext.Default.OrderEventEnvelope);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>The order the envelope names, or null.</summary>
    public string? OrderId => Envelope?.OrderId;
}
