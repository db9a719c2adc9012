using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Idempotency;
using OrderProcessing.Core.InMemory;
using OrderProcessing.Core.Invoices;
using OrderProcessing.Core.Notifications;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;
using OrderProcessing.Core.Shipping;
using OrderProcessing.Functions.Notifications;

namespace OrderProcessing.Functions.Composition;

/// <summary>
/// The implementations of Core's ports a function runs on: AWS adapters in Lambda, in-memory stores in tests and the
/// local host. A function only gets the stores its topology entry names; a port left null is one it must not need.
/// </summary>
public sealed record SystemPorts
{
    /// <summary>Time for orders, stages and telemetry.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Order ids; ULIDs from <see cref="Clock"/> when null.</summary>
    public IIdGenerator? Ids { get; init; }

    /// <summary>Orders.</summary>
    public IOrderRepository? Orders { get; init; }

    /// <summary>Catalog entries.</summary>
    public ICatalog? Catalog { get; init; }

    /// <summary>Stock and reservations.</summary>
    public IInventory? Inventory { get; init; }

    /// <summary>Idempotency records of <c>POST /orders</c>.</summary>
    public IIdempotencyStore? Idempotency { get; init; }

    /// <summary>Invoice PDFs.</summary>
    public IInvoiceStore? Invoices { get; init; }

    /// <summary>The simulated gateway's ledger; used when <see cref="PaymentGateway"/> is null.</summary>
    public IPaymentLedger? PaymentLedger { get; init; }

    /// <summary>The payment gateway; the simulated gateway over <see cref="PaymentLedger"/> when null.</summary>
    public IPaymentGateway? PaymentGateway { get; init; }

    /// <summary>The carrier.</summary>
    public IShippingCarrier Carrier { get; init; } = new SimulatedCarrier();

    /// <summary>Renders invoices; Core's PDF renderer unless replaced.</summary>
    public IInvoiceRenderer InvoiceRenderer { get; init; } = new PdfInvoiceRenderer();

    /// <summary>Which customer e-mails were claimed and sent (the customer mail function).</summary>
    public ICustomerMailLedger? MailLedger { get; init; }

    /// <summary>Where customer e-mail goes: SES in AWS, an outbox folder or SMTP server locally (the customer mail function).</summary>
    public IMailTransport? MailTransport { get; init; }

    /// <summary>Every port in process memory, one catalog serving as both catalog and inventory; Core's PDF renderer unless another is given.</summary>
    public static SystemPorts InMemory(TimeProvider clock, IInvoiceRenderer? invoiceRenderer = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var catalog = new InMemoryCatalog();
        return new SystemPorts
        {
            Clock = clock,
            Orders = new InMemoryOrderRepository(clock: clock),
            Catalog = catalog,
            Inventory = catalog,
            Idempotency = new InMemoryIdempotencyStore(clock),
            Invoices = new InMemoryInvoiceStore(),
            PaymentLedger = new InMemoryPaymentLedger(),
            MailLedger = new InMemoryCustomerMailLedger(clock),
            MailTransport = new InMemoryMailTransport(),
            InvoiceRenderer = invoiceRenderer ?? new PdfInvoiceRenderer(),
        };
    }
}
