using OrderProcessing.Core.Common;
using OrderProcessing.Core.InMemory;
using OrderProcessing.Core.Invoices;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Core.Shipping;
using OrderProcessing.Reliability.BadInput;
using OrderProcessing.Reliability.Chaos;
using OrderProcessing.Reliability.Faults;
using OrderProcessing.Topology;

namespace OrderProcessing.Reliability.Lambda;

/// <summary>The API function over in-memory stores stocked with the bad-input catalog, with every store write counted.</summary>
internal static class BadInputSystem
{
    /// <summary>The target to send proxy events to, and the probe that watches its stores.</summary>
    public static async Task<(IHttpTarget Target, IStoreProbe Probe)> CreateAsync(LambdaSystemHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        var clock = TimeProvider.System;
        var orders = new InMemoryOrderRepository();
        var catalog = new InMemoryCatalog();
        foreach (var id in BadInputCatalog.ProductIds)
        {
            await catalog.UpsertAsync(id, $"Product {id}", new Money(12.50m, Currency.Eur), 1_000_000, cancellationToken).ConfigureAwait(false);
        }

        var counter = new PortFaults(FaultOptions.None);
        var ledger = new FaultyPaymentLedger(new InMemoryPaymentLedger(), counter);
        var ports = new HostPorts(
            new FaultyOrderRepository(orders, counter),
            new FaultyCatalog(catalog, counter),
            new FaultyInventory(catalog, counter),
            ledger,
            new FaultyPaymentGateway(new SimulatedPaymentGateway(ledger, clock), counter),
            new FaultyShippingCarrier(new SimulatedCarrier(), counter),
            new FaultyInvoiceStore(new InMemoryInvoiceStore(), counter),
            new PdfInvoiceRenderer(),
            new FaultyIdempotencyStore(new InMemoryIdempotencyStore(clock), counter),
            new UlidIdGenerator(clock),
            clock,
            new OrderServiceOptions());
        return (new HandlerTarget(host.HandlerFor(SystemTopology.Api, ports)), new InMemoryStoreProbe(counter, orders, catalog));
    }
}
