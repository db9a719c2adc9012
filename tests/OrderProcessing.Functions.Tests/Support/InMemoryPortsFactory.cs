using OrderProcessing.Functions.Composition;
using OrderProcessing.Testing.Time;

namespace OrderProcessing.Functions.Tests.Support;

/// <summary>Gives every function the same in-memory ports, as the local host does.</summary>
internal sealed class InMemoryPortsFactory(SystemPorts? ports = null) : IPortsFactory
{
    public SystemPorts Ports { get; } = ports ?? SystemPorts.InMemory(TestClock.New());

    public List<string> CreatedFor { get; } = [];

    public SystemPorts Create(FunctionSettings settings)
    {
        CreatedFor.Add(settings.Function.Name);
        return Ports;
    }
}
