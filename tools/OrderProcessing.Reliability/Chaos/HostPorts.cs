using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Idempotency;
using OrderProcessing.Core.Invoices;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;
using OrderProcessing.Core.Shipping;

namespace OrderProcessing.Reliability.Chaos;

/// <summary>Every port the API and the stages are built from, already wrapped in the fault decorators.</summary>
internal sealed record HostPorts(
    IOrderRepository Orders,
    ICatalog Catalog,
    IInventory Inventory,
    IPaymentLedger Ledger,
    IPaymentGateway Gateway,
    IShippingCarrier Carrier,
    IInvoiceStore Invoices,
    IInvoiceRenderer Renderer,
    IIdempotencyStore Idempotency,
    IIdGenerator Ids,
    TimeProvider Clock,
    OrderServiceOptions ServiceOptions);
