using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pipeline;
using OrderProcessing.Reliability.Api;
using OrderProcessing.Reliability.Dispatch;
using OrderProcessing.Topology;
using OrderProcessing.Transport.Invocation;

namespace OrderProcessing.Reliability.Chaos;

/// <summary>Core's use cases without the Lambda layer: <see cref="OrderService"/> for the API, the pipeline stages for the queues.</summary>
internal sealed class CoreSystemHost : ISystemHost
{
    public string Name => "Core use cases";

    public IOrderApi CreateApi(HostPorts ports)
    {
        ArgumentNullException.ThrowIfNull(ports);
        return new ServiceOrderApi(new OrderService(ports.Orders, ports.Catalog, ports.Idempotency, ports.Invoices, ports.Ids, ports.Clock, ports.ServiceOptions));
    }

    public Func<FunctionDefinition, IFunctionHandler> CreateStages(HostPorts ports, StageFailureLog failures) => Functions(ports, failures).HandlerFor;

    /// <summary>Core's stages over <paramref name="ports"/>, as stage functions.</summary>
    public static CoreStageFunctions Functions(HostPorts ports, StageFailureLog failures)
    {
        ArgumentNullException.ThrowIfNull(ports);
        return new CoreStageFunctions(new Dictionary<string, IOrderStage>(StringComparer.Ordinal)
        {
            [SystemTopology.ReserveInventory.Name] = new ReserveInventoryStage(ports.Orders, ports.Inventory, ports.Clock),
            [SystemTopology.ChargePayment.Name] = new ChargePaymentStage(ports.Orders, ports.Inventory, ports.Gateway, ports.Clock),
            [SystemTopology.ShipOrder.Name] = new ShipOrderStage(ports.Orders, ports.Inventory, ports.Carrier, ports.Clock),
            [SystemTopology.GenerateInvoice.Name] = new GenerateInvoiceStage(ports.Orders, ports.Renderer, ports.Invoices, ports.Clock),
            [SystemTopology.Compensate.Name] = new CompensateStage(ports.Orders, ports.Inventory, ports.Gateway),
        }, failures);
    }
}
