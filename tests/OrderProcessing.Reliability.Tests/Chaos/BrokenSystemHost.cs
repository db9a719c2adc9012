using OrderProcessing.Core.Pipeline;
using OrderProcessing.Reliability.Api;
using OrderProcessing.Reliability.Chaos;
using OrderProcessing.Reliability.Dispatch;
using OrderProcessing.Topology;
using OrderProcessing.Transport.Invocation;

namespace OrderProcessing.Reliability.Tests.Chaos;

/// <summary>The Core system with one stage replaced by a broken one, to show the invariants catch what it breaks.</summary>
internal sealed class BrokenSystemHost(string stage, Func<HostPorts, IOrderStage> broken) : ISystemHost
{
    private readonly CoreSystemHost _core = new();

    public string Name => $"Core with a broken {stage}";

    public IOrderApi CreateApi(HostPorts ports) => _core.CreateApi(ports);

    public Func<FunctionDefinition, IFunctionHandler> CreateStages(HostPorts ports, StageFailureLog failures)
    {
        var working = CoreSystemHost.Functions(ports, failures);
        var stages = SystemTopology.Stages.ToDictionary(s => s.Name, s => s.Name == stage ? broken(ports) : working.StageOf(s.Name), StringComparer.Ordinal);
        return new CoreStageFunctions(stages, failures).HandlerFor;
    }
}
