using System.Text.Json;
using OrderProcessing.Infra.Plan.Monitoring;
using OrderProcessing.Infra.Plan.Tests.Support;
using OrderProcessing.Topology;

namespace OrderProcessing.Infra.Plan.Tests.Monitoring;

public sealed class AlarmTests
{
    private static readonly DeploymentPlan Plan = ValidSettings.Plan();

    [Test]
    public void EveryFunction_HasAnErrorAlarmAndAThrottleAlarm()
    {
        foreach (var function in Plan.Functions)
        {
            var alarms = Plan.Alarms.Where(a => a.Dimensions.GetValueOrDefault("FunctionName") == function.Name).Select(a => (a.Kind, a.MetricName));

            Assert.That(alarms, Is.EquivalentTo(new[] { (AlarmKind.FunctionErrors, "Errors"), (AlarmKind.FunctionThrottles, "Throttles") }), function.Name);
        }
    }

    [Test]
    public void EveryDeadLetterQueue_HasAnAlarm()
    {
        var queues = Plan.Stages.Select(s => s.DeadLetterQueueName).Append(Plan.Notifications.PipeDeadLetterQueueName);

        Assert.That(
            Plan.Alarms.Where(a => a.Kind == AlarmKind.DeadLetters).Select(a => a.Dimensions["QueueName"]),
            Is.EquivalentTo(queues));
    }

    [Test]
    public void Api_HasAServerErrorAlarm()
    {
        Assert.That(Plan.Alarms.Count(a => a.Kind == AlarmKind.ApiServerErrors && a.MetricName == "5XXError"), Is.EqualTo(1));
    }

    [Test]
    public void EveryAlarm_FiresOnTheFirstOccurrenceAndIgnoresSilence()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Plan.Alarms.Select(a => a.Threshold), Has.All.Zero);
            Assert.That(AlarmDefinition.ComparisonOperator, Is.EqualTo("GreaterThanThreshold"));
            Assert.That(AlarmDefinition.TreatMissingData, Is.EqualTo("notBreaching"));
        }
    }

    [Test]
    public void EveryAlarm_TellsTheReaderWhatItMeans()
    {
        Assert.That(Plan.Alarms.Select(a => a.Description), Has.All.Length.GreaterThan(20));
    }

    [Test]
    public void Dashboard_IsValidJsonShowingEveryFunctionInTheRegion()
    {
        var body = DashboardBody.Create(Plan, "eu-west-1");
        using var json = JsonDocument.Parse(body);

        var widgets = json.RootElement.GetProperty("widgets").EnumerateArray().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(widgets.Select(w => w.GetProperty("properties").GetProperty("region").GetString()), Has.All.EqualTo("eu-west-1"));
            foreach (var function in SystemTopology.Functions)
            {
                Assert.That(body, Does.Contain($"\"order-processing-test-{function.Name}\""), function.Name);
            }

            Assert.That(body, Does.Contain(Plan.Notifications.PipeDeadLetterQueueName));
        }
    }
}
