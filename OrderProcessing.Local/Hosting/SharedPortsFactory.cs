using OrderProcessing.Functions.Composition;

namespace OrderProcessing.Local.Hosting;

/// <summary>
/// Gives every function the same ports. In memory that is what makes one system out of several functions; in AWS they
/// share the tables instead.
/// </summary>
public sealed class SharedPortsFactory(SystemPorts ports) : IPortsFactory
{
    /// <inheritdoc />
    public SystemPorts Create(FunctionSettings settings) => ports;
}
