using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Reliability.Api;
using OrderProcessing.Reliability.Chaos;
using OrderProcessing.Topology;
using OrderProcessing.Transport.Invocation;

namespace OrderProcessing.Reliability.Lambda;

/// <summary>
/// The system as deployed: the real Lambda functions of the topology (through the entry-point table the bootstrap dispatches with), each composed
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
        // An allowed origin no client of the run sends: the API answers without CORS headers, as with no origins at all.
        // No caller checks: the runs are about input and stores, not identity.
        var settings = FunctionSettings.Load(function, name => name switch
        {
            SettingNames.CorsAllowOrigin => "https://reliability.invalid",
            SettingNames.ApiAuth => "none",
            _ => "reliability",
        });
        // Stage functions get the failure hook through the bootstrap: the transport hears why each message failed.
        var bootstrap = FunctionBootstrap.Compose(settings, services, telemetry, failures is null ? null : new CapturedFailures(failures, Logs));
        var entryPoint = FunctionEntryPoints.Create(function, bootstrap);
        return input => entryPoint.InvokeAsync(input, CancellationToken.None);
    }
}
