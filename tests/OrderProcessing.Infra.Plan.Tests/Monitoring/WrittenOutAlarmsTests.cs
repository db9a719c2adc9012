using OrderProcessing.Infra.Plan.Monitoring;
using OrderProcessing.Infra.Plan.Tests.Support;

namespace OrderProcessing.Infra.Plan.Tests.Monitoring;

/// <summary>
/// The planned alarms against alarms written out by hand (<see cref="ExpectedAlarms"/>): a changed threshold, period,
/// statistic, comparison, metric or dimension fails here. Their actions are added by the program; the mock tests check those.
/// </summary>
public sealed class WrittenOutAlarmsTests
{
    [TestCase("test")]
    [TestCase("prod")]
    public void EveryAlarm_IsExactlyAsWrittenOut(string stack)
    {
        var plan = DeploymentPlan.Create(stack, ValidSettings.Region, ValidSettings.Load());

        var planned = plan.Alarms.Select(a => ExpectedAlarm.FormatRow(
            a.Name,
            a.Namespace,
            a.MetricName,
            a.Dimensions,
            a.Statistic,
            a.PeriodSeconds,
            a.EvaluationPeriods,
            a.Threshold,
            AlarmDefinition.ComparisonOperator,
            AlarmDefinition.TreatMissingData));

        Assert.That(planned, Is.EquivalentTo(ExpectedAlarms.For(stack, plan.Settings.Environment).Select(a => a.Row())));
    }
}
