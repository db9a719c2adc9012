using OrderProcessing.Reliability.Security;

namespace OrderProcessing.Reliability.Tests.Security;

/// <summary>A function without its configuration stops at start-up and says which setting is missing; the local host stays on loopback unless told otherwise.</summary>
[NonParallelizable]
public sealed class ConfigurationTests
{
    [Test]
    public void EveryFunction_StartedWithoutItsSettings_FailsNamingEachMissingOne()
    {
        var check = SecurityChecks.MissingSettings();
        Assert.That(check.Violations, Is.Empty, check.Counts);
    }

    [Test]
    public void TheLocalHost_BindsLoopbackByDefault()
    {
        var check = SecurityChecks.LocalHostBind();
        Assert.That(check.Violations, Is.Empty, check.Counts);
    }
}
