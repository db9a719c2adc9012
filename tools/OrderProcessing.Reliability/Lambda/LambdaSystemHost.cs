using OrderProcessing.Functions.Api;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Reliability.Api;
using OrderProcessing.Reliability.Chaos;
using OrderProcessing.Topology;
using OrderProcessing.Transport.Invocation;

namespace OrderProcessing.Reliability.Lambda;

/// <summary>
/// The system as deployed: the real Lambda functions of the topology (found by their handler strings), each composed
/// over the run's fault-injected ports with the functions' own composition root, writing their JSON logs to one capture.
/// Clients talk to the API function in proxy events; the dispatcher hands the stage functions SQS events.
/// </summary>
internal sealed class LambdaSystemHost : ISystemHost
{
    /// <summary>Every log line the functions wrote, and every failure cause their hook reported (as the local host prints them).</summary>
    public LogCapture Logs { get; } = new();

    public string Name => "Lambda handlers (API Gateway proxy events, SQS batches)";

    public IOrderApi CreateApi(HostPorts ports) => new LambdaOrderApi(Handler(SystemTopology.Api, ports));

    public Func<FunctionDefinition, IFunctionHandler> CreateStages(HostPorts ports, StageFailureLog failures)
    {
        // Built once per stage, as each Lambda is; the transport asks once per stage.
        var handlers = SystemTopology.Stages.ToDictionary(s => s.Name, s => new StreamFunctionHandler(s.Name, Handler(s, ports, failures)), StringComparer.Ordinal);
        return f => handlers[f.Name];
    }

    /// <summary>The Lambda entry point of <paramref name="function"/>, composed over <paramref name="ports"/>.</summary>
    public Func<Stream, Task<Stream>> HandlerFor(FunctionDefinition function, HostPorts ports) => Handler(function, ports);

    private Func<Stream, Task<Stream>> Handler(FunctionDefinition function, HostPorts ports, StageFailureLog? failures = null)
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
        // Stage functions take the failure hook in their constructor: the transport hears why each message failed.
        return HandlerResolver.Resolve(function, failures is null ? [services, new ApiOptions(), telemetry] : [services, new ApiOptions(), telemetry, new CapturedFailures(failures, Logs)]);
    }
}
