using System.Text.Json;
using OrderProcessing.Operations.Tests.Support;
using OrderProcessing.Topology;

namespace OrderProcessing.Operations.Tests;

/// <summary><c>orderops dead-letters</c> against a local host whose reserve-inventory stage is broken on purpose, then repaired.</summary>
public sealed class DeadLetterCommandTests
{
    private static readonly FunctionDefinition Stage = SystemTopology.ReserveInventory;

    [Test]
    public async Task ListThenRedrive_OneOrderThenWholeStage_EveryOrderCompletes()
    {
        await using var host = await OperatedHost.StartAsync();
        host.FailingStage = Stage.Name;
        var first = await host.PlaceAsync();
        var second = await host.PlaceAsync();
        var third = await host.PlaceAsync();
        await host.WaitForDeadLettersAsync(Stage, 3);

        var list = await host.RunAsync("dead-letters", "list", "--json");
        Assert.That(list.ExitCode, Is.Zero, list.ToString());
        var rows = JsonDocument.Parse(list.Output).RootElement.EnumerateArray().ToList();
        Assert.That(rows.Select(r => r.GetProperty("orderId").GetString()), Is.EquivalentTo(new[] { first, second, third }));
        var row = rows.Single(r => r.GetProperty("orderId").GetString() == first);
        Assert.Multiple(() =>
        {
            Assert.That(row.GetProperty("stage").GetString(), Is.EqualTo(Stage.Name));
            Assert.That(row.GetProperty("receiveCount").GetInt32(), Is.GreaterThanOrEqualTo(Stage.MaxReceiveCount));
            Assert.That(row.GetProperty("firstFailureCause").GetString(), Does.Contain("broken on purpose").And.Contain("receive 1"));
            Assert.That(row.GetProperty("lastFailureCause").GetString(), Does.Contain($"receive {Stage.MaxReceiveCount}"));
        });

        // Listing hides nothing afterwards: the table sees all three again.
        var table = await host.RunAsync("dead-letters", "list", "--stage", Stage.Name);
        Assert.That(table.Output, Does.Contain(first).And.Contain(second).And.Contain("3 dead letter(s)"), table.ToString());

        host.FailingStage = null;
        var one = await host.RunAsync("dead-letters", "redrive", "--stage", Stage.Name, "--order", first);
        Assert.That(one.ExitCode, Is.Zero, one.ToString());
        Assert.That(one.Output, Does.Contain($"Moved 1 dead letter(s) of order {first}"));
        await host.WaitForStatusAsync(first, "COMPLETED");
        Assert.That(host.Dispatcher.Find(Stage.Name)!.DeadLetters, Has.Count.EqualTo(2), "only the one order moved");

        var all = await host.RunAsync("dead-letters", "redrive", "--stage", Stage.Name, "--json");
        Assert.That(all.ExitCode, Is.Zero, all.ToString());
        var report = JsonDocument.Parse(all.Output).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(report.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"));
            Assert.That(report.GetProperty("moved").GetInt32(), Is.EqualTo(2));
        });
        await host.WaitForStatusAsync(second, "COMPLETED");
        await host.WaitForStatusAsync(third, "COMPLETED");
        Assert.That(host.Dispatcher.Find(Stage.Name)!.DeadLetters, Is.Empty);
    }

    [Test]
    public async Task Redrive_WhileAMoveTaskRuns_IsRefusedAndMovesNothingTwice()
    {
        await using var host = await OperatedHost.StartAsync();
        host.FailingStage = Stage.Name;
        var orders = new[] { await host.PlaceAsync(), await host.PlaceAsync(), await host.PlaceAsync() };
        await host.WaitForDeadLettersAsync(Stage, 3);
        host.FailingStage = null;

        // A slow move task (one message a second) is running when the operator asks again.
        var slow = await host.RunAsync("dead-letters", "redrive", "--stage", Stage.Name, "--max-per-second", "1", "--wait", "0.01s");
        Assert.That(slow.ExitCode, Is.Zero, slow.ToString());
        Assert.That(slow.Output, Does.Contain("RUNNING"));

        var whole = await host.RunAsync("dead-letters", "redrive", "--stage", Stage.Name);
        var oneOrder = await host.RunAsync("dead-letters", "redrive", "--stage", Stage.Name, "--order", orders[2]);
        Assert.Multiple(() =>
        {
            Assert.That(whole.ExitCode, Is.EqualTo(1), whole.ToString());
            Assert.That(whole.Error, Does.Contain("already running").And.Contain(Stage.Name));
            Assert.That(oneOrder.ExitCode, Is.EqualTo(1), oneOrder.ToString());
            Assert.That(oneOrder.Error, Does.Contain("already running"));
        });

        foreach (var order in orders)
        {
            await host.WaitForStatusAsync(order, "COMPLETED");
        }

        var queue = host.Dispatcher.Find(Stage.Name)!;
        Assert.That(queue.Traffic.Sent, Is.EqualTo(3), "each order's message was sent once; none moved twice");
    }
}
