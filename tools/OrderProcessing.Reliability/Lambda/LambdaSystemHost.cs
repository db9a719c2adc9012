using OrderProcessing.Functions.Api;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Topology;
using OrderProcessing.Reliability.Api;
using OrderProcessing.Reliability.Chaos;
using OrderProcessing.Reliability.Dispatch;

namespace OrderProcessing.Reliability.Lambda;

/// <summary>
/// The system as deployed: the real Lambda functions of the topology (found by their handler strings), each composed
/// over the run's fault-injected ports with the functions' own composition root, writing their JSON logs to one capture.
/// Clients talk to the API function in proxy events; the dispatcher hands the stage functions SQS events.
/// </summary>
internal sealed class LambdaSystemHost : ISystemHost
{
    /// <summary>Every log line the functions wrote.</summary>
    public LogCapture Logs { get; } = new();

    public string Name => "Lambda handlers (API Gateway proxy events, SQS batches)";

    public IOrderApi CreateApi(HostPorts ports) => new LambdaOrderApi(Handler(SystemTopology.Api, ports));

    public IStageInvoker CreateStages(HostPorts ports) =>
        new LambdaStageInvoker(SystemTopology.Stages.ToDictionary(s => s.Name, s => Handler(s, ports), StringComparer.Ordinal), Logs);

    /// <summary>The Lambda entry point of <paramref name="function"/>, composed over <paramref name="ports"/>.</summary>
    public Func<Stream, Task<Stream>> HandlerFor(FunctionDefinition function, HostPorts ports) => Handler(function, ports);

    private Func<Stream, Task<Stream>> Handler(FunctionDefinition function, HostPorts ports)
    {
        ArgumentNullException.ThrowIfNull(ports);

        // Each function gets its own composition, as each Lambda does; the stores behind them are shared.
        var services = new SystemServices(
            new SystemPorts
            {
                Clock = ports.Clock,
                Ids = ports.Ids,
                Orders = ports.Orders,
                Catalog = ports.Catalog,
                Inventory = ports.Inventory,
                Idempotency = ports.Idempotency,
                Invoices = ports.Invoices,
                PaymentLedger = ports.Ledger,
                PaymentGateway = ports.Gateway,
                Carrier = ports.Carrier,
                InvoiceRenderer = ports.Renderer,
            },
            ports.ServiceOptions);
        var telemetry = new Telemetry(function.Name, "reliability", Logs, ports.Clock);
        return HandlerResolver.Resolve(function, [services, new ApiOptions(), telemetry]);
    }
}
