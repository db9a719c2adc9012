using OrderProcessing.Local.Tests.Support;

namespace OrderProcessing.Local.Tests.EndToEnd;

/// <summary>Ctrl+C stops the host cleanly: the server first, then stage work in flight, then notifications; and it says so.</summary>
[NonParallelizable]
public sealed class ShutdownTests
{
    [Test]
    public async Task CtrlC_WhileRunning_StopsTheHostCleanlyAndLogsWhatStayedQueued()
    {
        await using var host = await TestHost.StartAsync("--delivery-delay-ms", "0");
        using var api = new ApiClient(host.BaseAddress);
        await api.PostAsync("_local/stages/charge-payment/pause");
        var placed = await api.PlaceAsync("sku-creme", 1, "tok_visa");
        await api.WaitForStatusAsync(placed.GetProperty("orderId").GetString()!, "RESERVED");

        var exitCode = await host.InterruptAsync();

        await TestContext.Out.WriteLineAsync(host.Output);
        Assert.That(exitCode, Is.Zero);
        Assert.That(host.Output, Does.Contain("Stopping: the web server stops taking requests"));
        Assert.That(host.Output, Does.Contain("Stage dispatcher stopped: every batch in flight finished and settled; messages still queued: charge-payment: 1"));
        Assert.That(host.Output, Does.Contain("Stopped cleanly"));
    }
}
