using System.Text.Json;
using OrderProcessing.Topology.Events;
using OrderProcessing.Transport.Delivery;
using OrderProcessing.Transport.Events;
using OrderProcessing.Transport.Queues;

namespace OrderProcessing.Transport.Tests.Events;

/// <summary>A received batch becomes the SQS event Lambda's event source mapping hands a stage function.</summary>
public sealed class SqsEventFactoryTests
{
    private static readonly DateTimeOffset Sent = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void Create_EachMessage_CarriesItsIdBodyReceiveCountAndQueue()
    {
        var batch = new[] { new ReceivedMessage("m-1", "rh-1", "{}", 2, Sent, Sent.AddSeconds(1)) };

        var sqsEvent = SqsEventFactory.Create(batch, "orderprocessing-local-ship-order", new DispatcherOptions { Region = "eu-west-1" });
        var message = sqsEvent.Records!.Single()!;

        Assert.That(message.MessageId, Is.EqualTo("m-1"));
        Assert.That(message.ReceiptHandle, Is.EqualTo("rh-1"));
        Assert.That(message.Body, Is.EqualTo("{}"));
        Assert.That(message.ApproximateReceiveCount, Is.EqualTo(2));
        Assert.That(message.Attributes!["SentTimestamp"], Is.EqualTo(Sent.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(message.Md5OfBody, Is.EqualTo("99914b932bd37a50b983c5e7c90ae93b"));
        Assert.That(message.EventSource, Is.EqualTo("aws:sqs"));
        Assert.That(message.EventSourceArn, Is.EqualTo("arn:aws:sqs:eu-west-1:000000000000:orderprocessing-local-ship-order"));
        Assert.That(message.AwsRegion, Is.EqualTo("eu-west-1"));
    }

    [Test]
    public void ForBody_Event_RoundTripsThroughTheAwsEventJson()
    {
        var sqsEvent = SqsEventFactory.ForBody("body", "q", Sent, messageId: "m-9", receiveCount: 3);

        var json = JsonSerializer.Serialize(sqsEvent, AwsEventJsonContext.Default.SqsEvent);
        var read = JsonSerializer.Deserialize(json, AwsEventJsonContext.Default.SqsEvent)!;

        Assert.That(json, Does.StartWith("{\"Records\":[{\"messageId\":\"m-9\""));
        Assert.That(read.Records!.Single()!.ApproximateReceiveCount, Is.EqualTo(3));
    }
}
