using OrderProcessing.Functions.Composition;

namespace OrderProcessing.Reliability.Security;

/// <summary>A ports factory for functions that must never get as far as building ports: reaching it is a failure of the check.</summary>
internal sealed class NullPortsFactory : IPortsFactory
{
    public SystemPorts Create(FunctionSettings settings) =>
        throw new InvalidOperationException("The function built its ports although a required setting was missing.");
}
