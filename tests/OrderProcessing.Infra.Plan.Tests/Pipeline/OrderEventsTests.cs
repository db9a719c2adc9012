using System.Text.Json;
using OrderProcessing.Infra.Plan.Monitoring;
using OrderProcessing.Infra.Plan.Notifications;
using OrderProcessing.Infra.Plan.Pipeline;
using OrderProcessing.Infra.Plan.Tests.Support;
using OrderProcessing.Topology.Events.Orders;
using OrderProcessing.Topology.Naming;

namespace OrderProcessing.Infra.Plan.Tests.Pipeline;

public sealed class OrderEventsTests
{
    private static readonly DeploymentPlan Plan = ValidSettings.Plan();

    [Test]
    public void OrdersStream_HasExactlyOneReader()
    {
        // DynamoDB Streams throttles more than two readers of a shard: the plan names one pipe, and no stage has its own.
        var pipes = Plan.PhysicalNames.Where(n => n.Kind == NameKind.Pipe).ToList();

        Assert.That(pipes, Is.EqualTo(new[] { new PhysicalName(NameKind.Pipe, Plan.Notifications.PipeName) }));
    }

    [Test]
    public void StreamPipe_StartsAtTheOldestRecord()
    {
        Assert.That(NotificationsPlan.StartingPosition, Is.EqualTo("TRIM_HORIZON"), "writes made before the pipe existed are routed too");
    }

    [Test]
    public void StreamPipe_ForwardsOnlyWritesThatCarryTheTransitionMarker()
    {
        using var pattern = JsonDocument.Parse(Plan.Notifications.FilterPattern);
        var image = pattern.RootElement.GetProperty("dynamodb").GetProperty("NewImage");

        using (Assert.EnterMultipleScope())
        {
            // Written out: the marker the order adapter writes on a transition and removes on every other write.
            Assert.That(image.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "enteredStatus" }), "nothing but the marker decides");
            Assert.That(image.GetProperty("enteredStatus").GetProperty("S")[0].GetProperty("exists").GetBoolean(), Is.True);
            Assert.That(pattern.RootElement.GetProperty("eventName").EnumerateArray().Select(e => e.GetString()), Is.EquivalentTo(new[] { "INSERT", "MODIFY" }));
            Assert.That(pattern.RootElement.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "eventName", "dynamodb" }));
        }
    }

    [Test]
    public void Envelope_IsJsonWithPipesPlaceholdersIntact()
    {
        var template = Plan.Notifications.InputTemplate;
        using var json = JsonDocument.Parse(template);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "eventType", "orderId", "status", "occurredAt", "version", "sequenceNumber" }));
            Assert.That(json.RootElement.GetProperty("eventType").GetString(), Is.EqualTo("<$.dynamodb.NewImage.lastEventType.S>"));
            Assert.That(json.RootElement.GetProperty("orderId").GetString(), Is.EqualTo("<$.dynamodb.Keys.orderId.S>"));
            Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("<$.dynamodb.NewImage.enteredStatus.S>"), "the status entered, which only transitions carry");
            Assert.That(json.RootElement.GetProperty("occurredAt").GetString(), Is.EqualTo("<$.dynamodb.NewImage.lastEvent.M.at.S>"));
            Assert.That(json.RootElement.GetProperty("version").GetString(), Is.EqualTo("<$.dynamodb.NewImage.version.N>"));
            Assert.That(json.RootElement.GetProperty("sequenceNumber").GetString(), Is.EqualTo("<$.dynamodb.SequenceNumber>"));
            Assert.That(template, Does.Not.Contain("\\u003C"), "placeholders must not be HTML-escaped");
        }
    }

    [Test]
    public void Envelope_RoundTripsThroughTheRecordTheStagesRead()
    {
        // A template with every placeholder filled in must deserialize into the envelope with no member left empty.
        using var template = JsonDocument.Parse(Plan.Notifications.InputTemplate);
        var filled = template.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => $"value of {p.Name}");

        var envelope = JsonSerializer.Deserialize<OrderEventEnvelope>(JsonSerializer.Serialize(filled))!;

        Assert.That(typeof(OrderEventEnvelope).GetProperties().Select(p => (string)p.GetValue(envelope)!), Has.All.StartWith("value of "));
    }

    [Test]
    public void StreamPipe_HasADeadLetterQueueWithAnAlarm()
    {
        var alarm = Plan.Notifications.PipeDeadLetterAlarm;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(alarm.Kind, Is.EqualTo(AlarmKind.DeadLetters));
            Assert.That(alarm.Dimensions["QueueName"], Is.EqualTo(Plan.Notifications.PipeDeadLetterQueueName));
            Assert.That(Plan.Stages.Select(s => s.DeadLetterQueueName), Has.None.EqualTo(Plan.Notifications.PipeDeadLetterQueueName));
            Assert.That(Plan.Alarms, Does.Contain(alarm));
        }
    }

    [Test]
    public void OperationsTopic_GetsTheStacksAlarmEmails()
    {
        Assert.That(Plan.Notifications.AlarmEmails, Is.EqualTo(new[] { "ops@example.com" }));
    }

    [Test]
    public void OrderEventsTopic_IsTheOneThePipePublishesTo()
    {
        Assert.That(Plan.Notifications.OrderEventsTopicName, Does.EndWith("-order-events"));
    }
}
