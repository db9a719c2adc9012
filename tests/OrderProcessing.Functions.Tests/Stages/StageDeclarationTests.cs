using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pipeline;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Functions.Stages;
using OrderProcessing.Functions.Tests.Support;
using OrderProcessing.Testing.Time;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Tests.Stages;

/// <summary>
/// The status a stage handles is declared once, by its Core stage: the topology's trigger, the stage's guard and the
/// function's route all come from it, so they agree by construction.
/// </summary>
public sealed class StageDeclarationTests
{
    private static IEnumerable<TestCaseData> StageFunctions() =>
        SystemTopology.Stages.Select(f => new TestCaseData(f).SetArgDisplayNames(f.Name));

    // Every concrete Core stage with the status it declares (its static Handles), found by reflection so a new stage
    // cannot be forgotten here.
    private static IReadOnlyList<(Type Stage, OrderStatus Handles)> CoreStages() =>
        typeof(OrderStage).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(OrderStage)) && !t.IsAbstract)
            .Select(t => (t, (OrderStatus)t.GetProperty("Handles")!.GetValue(null)!))
            .ToList();

    [TestCaseSource(nameof(StageFunctions))]
    public void TopologyTrigger_IsTheStatusItsCoreStageHandles(FunctionDefinition function)
    {
        var services = new SystemServices(SystemPorts.InMemory(TestClock.New()));

        var stage = services.StageOf(function);

        Assert.That(stage.HandledStatus, Is.EqualTo(function.Trigger.Status));
    }

    [TestCaseSource(nameof(StageFunctions))]
    public async Task StageFunction_EntryPoint_RunsForItsOwnTopologyEntry(FunctionDefinition function)
    {
        var output = new StringWriter();
        var bootstrap = FunctionBootstrap.Create(function, name => name switch { SettingNames.InvoiceLinkSeconds => "60", SettingNames.MailSender => "shop@example.com", SettingNames.MailLinkBaseUrl => null, _ => "test" }, new InMemoryPortsFactory(), output);

        await using var answer = await FunctionEntryPoints.Create(function, bootstrap).InvokeAsync(new MemoryStream("{\"Records\":[]}"u8.ToArray()), CancellationToken.None);

        Assert.That(output.ToString(), Does.Contain($"\"Stage\":\"{function.Name}\""), "the batch's metrics name the stage that ran");
    }

    [Test]
    public void EveryStatusACoreStageHandles_IsConsumedByExactlyOneTopologyStage()
    {
        var stages = CoreStages();

        Assert.That(stages, Is.Not.Empty);
        Assert.That(stages.Select(s => s.Handles), Is.Unique, "two Core stages claim one status");
        foreach (var (stage, handles) in stages)
        {
            Assert.That(SystemTopology.Stages.Count(f => f.Trigger.Status == handles), Is.EqualTo(1), $"{stage.Name} handles {handles.ToWire()}");
        }

        Assert.That(SystemTopology.Stages, Has.Count.EqualTo(stages.Count), "every topology stage has its Core stage");
    }

    [Test]
    public void StageFunction_OverAStageOfAnotherStatus_IsRefused()
    {
        var services = new SystemServices(SystemPorts.InMemory(TestClock.New()));

        var error = Assert.Throws<ArgumentException>(() => _ = new MiswiredFunction(services));

        Assert.That(error!.Message, Does.Contain("PENDING").And.Contain("RESERVED"));
    }

    private sealed class MiswiredFunction(SystemServices services)
        : StageFunction(SystemTopology.ReserveInventory, services.ChargePayment, new Telemetry("reserve-inventory", "test", TextWriter.Null, TimeProvider.System), null);
}
