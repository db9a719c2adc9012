using OrderProcessing.Reliability.Api;
using OrderProcessing.Topology;
using OrderProcessing.Transport.Invocation;

namespace OrderProcessing.Reliability.Chaos;

/// <summary>Builds the system under test, its HTTP API and its stage functions, from a set of ports.</summary>
internal interface ISystemHost
{
    /// <summary>Short name for reports.</summary>
    string Name { get; }

    /// <summary>The API clients call.</summary>
    IOrderApi CreateApi(HostPorts ports);

    /// <summary>The stage functions the transport delivers batches to; each reports its failed messages to <paramref name="failures"/>.</summary>
    Func<FunctionDefinition, IFunctionHandler> CreateStages(HostPorts ports, StageFailureLog failures);
}
