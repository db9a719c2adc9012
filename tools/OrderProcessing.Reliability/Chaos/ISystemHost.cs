using OrderProcessing.Reliability.Api;
using OrderProcessing.Reliability.Dispatch;

namespace OrderProcessing.Reliability.Chaos;

/// <summary>Builds the system under test, its HTTP API and its stage functions, from a set of ports.</summary>
internal interface ISystemHost
{
    /// <summary>Short name for reports.</summary>
    string Name { get; }

    /// <summary>The API clients call.</summary>
    IOrderApi CreateApi(HostPorts ports);

    /// <summary>What the dispatcher delivers stage batches to.</summary>
    IStageInvoker CreateStages(HostPorts ports);
}
