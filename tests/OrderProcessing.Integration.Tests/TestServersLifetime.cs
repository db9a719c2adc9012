using OrderProcessing.Integration.Tests.Servers;

namespace OrderProcessing.Integration.Tests;

/// <summary>
/// Runs once around every test in this assembly (it sits in the root namespace): stops the shared servers when the run
/// ends, passed or failed. The servers also exit on their own if this process dies (see <c>node-watchdog.js</c> in OrderProcessing.DevTools).
/// </summary>
[SetUpFixture]
public sealed class TestServersLifetime
{
    /// <summary>Stops every server the run started.</summary>
    [OneTimeTearDown]
    public async Task StopServers() => await TestServers.StopAllAsync();
}
