using OrderProcessing.Infra.Plan.Scheduling;
using OrderProcessing.Infra.Plan.Tests.Support;
using OrderProcessing.Topology;

namespace OrderProcessing.Infra.Plan.Tests.Scheduling;

/// <summary>The sweeper's schedule: one EventBridge rule per scheduled function, at the topology's rate.</summary>
public sealed class SchedulePlanTests
{
    private static readonly DeploymentPlan Plan = DeploymentPlan.Create("test", ValidSettings.Region, ValidSettings.Load());

    [Test]
    public void Schedules_TheSweeper_EveryFiveMinutesByOneRuleNamedForIt()
    {
        var schedule = Plan.Schedules.Single();

        Assert.That(schedule.Function.Definition, Is.SameAs(SystemTopology.SweepStuckOrders));
        Assert.That(schedule.ScheduleExpression, Is.EqualTo("rate(5 minutes)"));
        Assert.That(schedule.RuleName, Is.EqualTo("order-processing-test-sweep-stuck-orders"));
    }

    [TestCase(1, "rate(1 minute)")]
    [TestCase(5, "rate(5 minutes)")]
    [TestCase(60, "rate(60 minutes)")]
    public void RateExpression_WholeMinutes_IsEventBridgesRate(int minutes, string expected)
    {
        Assert.That(SchedulePlan.RateExpression(TimeSpan.FromMinutes(minutes)), Is.EqualTo(expected));
    }

    [TestCase(0)]
    [TestCase(90)]
    public void RateExpression_NotAWholePositiveNumberOfMinutes_IsRejected(int seconds)
    {
        Assert.That(() => SchedulePlan.RateExpression(TimeSpan.FromSeconds(seconds)), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void StuckOrdersAlarm_WatchesTheSweepersSecondNudgesInTheStacksEnvironment()
    {
        var alarm = Plan.StuckOrdersAlarm;

        Assert.That((alarm.Namespace, alarm.MetricName), Is.EqualTo((OperationalMetrics.Namespace, OperationalMetrics.StuckOrdersNudgedAgain)));
        Assert.That(alarm.Dimensions, Is.EquivalentTo(new Dictionary<string, string> { [OperationalMetrics.EnvironmentDimension] = Plan.Settings.Environment }));
        Assert.That(Plan.Alarms, Does.Contain(alarm));
    }
}
