using OrderProcessing.Reliability.Security;

namespace OrderProcessing.Reliability.Tests.Security;

/// <summary>A function without its configuration stops at start-up and says which setting is missing.</summary>
[NonParallelizable]
public sealed class ConfigurationTests
{
    [Test]
    public void EveryFunction_StartedWithoutItsSettings_FailsNamingEachMissingOne()
    {
        var check = SecurityChecks.MissingSettings();
        Assert.That(check.Violations, Is.Empty, check.Counts);
    }
}
