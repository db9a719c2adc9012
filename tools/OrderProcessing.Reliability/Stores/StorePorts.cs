using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Idempotency;
using OrderProcessing.Core.Invoices;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;

namespace OrderProcessing.Reliability.Stores;

/// <summary>One set of storage ports (in memory, or DynamoDB and S3 adapters over local servers), created empty for one run.</summary>
internal sealed record StorePorts(
    string Name,
    IOrderRepository Orders,
    ICatalog Catalog,
    IInventory Inventory,
    IPaymentLedger Ledger,
    IInvoiceStore Invoices,
    IIdempotencyStore Idempotency);
