using System.Text.Json;
using OrderProcessing.Infra.Plan.Monitoring;
using OrderProcessing.Infra.Plan.Pipeline;
using OrderProcessing.Infra.Plan.Tests.Support;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Infra.Plan.Tests.Pipeline;

public sealed class OrderEventsTests
{
    private static readonly DeploymentPlan Plan = ValidSettings.Plan();

    [Test]
    public void OrderEventsPipe_ForwardsWritesThatCarryAnEvent()
    {
        using var pattern = JsonDocument.Parse(Plan.Notifications.FilterPattern);

        var condition = pattern.RootElement.GetProperty("dynamodb").GetProperty("NewImage").GetProperty(OrderItemAttributes.LastEventType).GetProperty("S")[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(condition.GetProperty("exists").GetBoolean(), Is.True);
            Assert.That(pattern.RootElement.GetProperty("eventName").EnumerateArray().Select(e => e.GetString()), Is.EquivalentTo(new[] { "INSERT", "MODIFY" }));
        }
    }

    [Test]
    public void PublishedMessage_IsJsonWithPipesPlaceholdersIntact()
    {
        var template = Plan.Notifications.InputTemplate;
        using var json = JsonDocument.Parse(template);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(OrderEventMessage.Properties));
            Assert.That(json.RootElement.GetProperty("eventType").GetString(), Is.EqualTo("<$.dynamodb.NewImage.lastEventType.S>"));
            Assert.That(json.RootElement.GetProperty("orderId").GetString(), Is.EqualTo("<$.dynamodb.Keys.orderId.S>"));
            Assert.That(template, Does.Not.Contain("\\u003C"), "placeholders must not be HTML-escaped");
        }
    }

    [Test]
    public void Pipes_ShareADeadLetterQueueWithAnAlarm()
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
    public void OrderEventsTopic_IsTheOnePipesPublishTo()
    {
        Assert.That(Plan.Notifications.OrderEventsTopicName, Does.EndWith("-order-events"));
    }
}
