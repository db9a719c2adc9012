using System.Text.Json;
using OrderProcessing.Operations.Tests.Support;
using OrderProcessing.Testing.Waiting;
using OrderProcessing.Topology;

namespace OrderProcessing.Operations.Tests;

/// <summary><c>orderops orders</c> against the local host's store.</summary>
public sealed class OrderCommandTests
{
    [Test]
    public async Task StuckThenNudge_AnOrderWhoseStageMessageIsGone_Completes()
    {
        await using var host = await OperatedHost.StartAsync();
        var stage = SystemTopology.ReserveInventory;
        host.FailingStage = stage.Name;
        var orderId = await host.PlaceAsync();
        await host.WaitForDeadLettersAsync(stage, 1);

        // The message is lost for good (dropped from the dead-letter list), so only a nudge can move the order on.
        var queue = host.Dispatcher.Find(stage.Name)!;
        Assert.That(queue.DeleteDeadLetter(queue.DeadLetters.Single().MessageId), Is.True);
        host.FailingStage = null;

        var stuck = await Poll.ForAsync<CliRun>(
            async () => await host.RunAsync("orders", "stuck", "--older-than", "0.2s", "--json") is { ExitCode: 0 } run && run.Output.Contains(orderId, StringComparison.Ordinal) ? run : null,
            $"order {orderId} listed as stuck");
        var row = JsonDocument.Parse(stuck.Output).RootElement.EnumerateArray().Single(r => r.GetProperty("orderId").GetString() == orderId);
        Assert.That(row.GetProperty("nudges").GetInt32(), Is.Zero);

        var nudge = await host.RunAsync("orders", "nudge", orderId);
        Assert.That(nudge.ExitCode, Is.Zero, nudge.ToString());
        Assert.That(nudge.Output, Does.Contain($"Nudged order {orderId}"));
        await host.WaitForStatusAsync(orderId, "COMPLETED");

        var again = await host.RunAsync("orders", "nudge", orderId);
        Assert.Multiple(() =>
        {
            Assert.That(again.ExitCode, Is.EqualTo(1), "a completed order has nothing to nudge");
            Assert.That(again.Error, Does.Contain("nothing to nudge"));
        });
    }

    [Test]
    public async Task Stuck_WithNothingStuck_PrintsAnEmptyTable()
    {
        await using var host = await OperatedHost.StartAsync();
        var run = await host.RunAsync("orders", "stuck");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Output, Does.Contain("0 stuck order(s) on the local host"));
        });
    }
}
