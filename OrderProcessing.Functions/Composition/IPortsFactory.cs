namespace OrderProcessing.Functions.Composition;

/// <summary>
/// Builds the ports one function runs on from its settings: the AWS adapters in Lambda, in-memory stores or local
/// servers elsewhere. Only the stores the function's topology entry names are expected to be built.
/// </summary>
public interface IPortsFactory
{
    /// <summary>The ports for the function whose <paramref name="settings"/> these are.</summary>
    SystemPorts Create(FunctionSettings settings);
}
