using OrderProcessing.Infra.Plan.Settings;
using OrderProcessing.Infra.Plan.Tests.Support;
using OrderProcessing.Topology;

namespace OrderProcessing.Infra.Plan.Tests.Functions;

/// <summary>
/// Every function's log group keeps logs as long as the stack says, for any allowed setting: a retention hard-coded or
/// dropped from the plan fails here (the mock tests check the deployed log groups).
/// </summary>
public sealed class LogRetentionTests
{
    [TestCase(1)]
    [TestCase(30)]
    [TestCase(3653)]
    public void EveryFunction_KeepsLogsForTheStacksRetention(int days)
    {
        var plan = ValidSettings.Plan(raw => raw[SettingKeys.LogRetentionDays] = days.ToString(System.Globalization.CultureInfo.InvariantCulture));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Functions, Has.Count.EqualTo(SystemTopology.Functions.Count));
            Assert.That(plan.Functions.Select(f => f.LogRetentionDays), Has.All.EqualTo(days));
        }
    }
}
