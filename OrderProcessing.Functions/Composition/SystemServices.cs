using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;
using OrderProcessing.Core.Pipeline;
using OrderProcessing.Core.Sweeping;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Composition;

/// <summary>
/// The composition root: builds Core's services and pipeline stages from <see cref="SystemPorts"/>, each on first use.
/// Asking for a service whose ports are missing throws, naming them, so a mis-wired function fails at start-up.
/// </summary>
public sealed class SystemServices
{
    private readonly Lazy<OrderService> _orders;
    private readonly Lazy<CatalogService> _catalog;
    private readonly Lazy<IPaymentGateway> _gateway;
    private readonly Lazy<ReserveInventoryStage> _reserve;
    private readonly Lazy<ChargePaymentStage> _charge;
    private readonly Lazy<ShipOrderStage> _ship;
    private readonly Lazy<GenerateInvoiceStage> _invoice;
    private readonly Lazy<CompensateStage> _compensate;
    private readonly Lazy<StuckOrderSweeper> _sweeper;

    /// <summary>Composes services over <paramref name="ports"/>; <paramref name="options"/> default to <see cref="DefaultOptions"/>.</summary>
    public SystemServices(SystemPorts ports, OrderServiceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ports);
        Ports = ports;
        options ??= DefaultOptions;
        var clock = ports.Clock;
        _orders = new(() => new OrderService(
            Need(ports.Orders, "orders"),
            Need(ports.Catalog, "catalog"),
            Need(ports.Idempotency, "idempotency"),
            Need(ports.Invoices, "invoices"),
            ports.Ids ?? new UlidIdGenerator(clock),
            clock,
            options));
        _catalog = new(() => new CatalogService(Need(ports.Catalog, "catalog")));
        _gateway = new(() => ports.PaymentGateway ?? new SimulatedPaymentGateway(Need(ports.PaymentLedger, "payment ledger"), clock));
        _reserve = new(() => new ReserveInventoryStage(Need(ports.Orders, "orders"), Need(ports.Inventory, "inventory"), clock));
        _charge = new(() => new ChargePaymentStage(Need(ports.Orders, "orders"), Need(ports.Inventory, "inventory"), _gateway.Value, clock));
        _ship = new(() => new ShipOrderStage(Need(ports.Orders, "orders"), Need(ports.Inventory, "inventory"), ports.Carrier, clock));
        _invoice = new(() => new GenerateInvoiceStage(Need(ports.Orders, "orders"), ports.InvoiceRenderer, Need(ports.Invoices, "invoices"), clock));
        _compensate = new(() => new CompensateStage(Need(ports.Orders, "orders"), Need(ports.Inventory, "inventory"), _gateway.Value));

        // Every orders store of the system (in memory, DynamoDB, the change feed's decorator) can also find and nudge stuck
        // orders; a test decorator that cannot is named here rather than failing mid-sweep.
        _sweeper = new(() => new StuckOrderSweeper(
            Need(ports.Orders, "orders") as IStuckOrderStore ?? throw new InvalidOperationException($"The orders store ({ports.Orders!.GetType().Name}) cannot find stuck orders."),
            SystemTopology.StuckOrderDeadlines,
            clock));
    }

    /// <summary>
    /// Core's defaults, except that an order stays undeletable while the topology's stage messages may still be in
    /// flight for it (<see cref="SystemTopology.LongestStageMessageLifetime"/>), and a rejected operator move names the
    /// stage the topology routes the order's status to, so neither can drift from the topology.
    /// </summary>
    public static OrderServiceOptions DefaultOptions { get; } = new()
    {
        SettlingPeriod = SystemTopology.LongestStageMessageLifetime,
        StageNames = SystemTopology.Stages.ToDictionary(s => s.Trigger.Status!.Value, s => s.Name),
    };

    /// <summary>The ports the services run on.</summary>
    public SystemPorts Ports { get; }

    /// <summary>The clock of every service.</summary>
    public TimeProvider Clock => Ports.Clock;

    /// <summary>Order use cases behind the HTTP API.</summary>
    public OrderService Orders => _orders.Value;

    /// <summary>Catalog administration and reads.</summary>
    public CatalogService Catalog => _catalog.Value;

    /// <summary>The payment gateway.</summary>
    public IPaymentGateway PaymentGateway => _gateway.Value;

    /// <summary>Stage for <see cref="OrderStatus.Pending"/>.</summary>
    public ReserveInventoryStage ReserveInventory => _reserve.Value;

    /// <summary>Stage for <see cref="OrderStatus.Reserved"/>.</summary>
    public ChargePaymentStage ChargePayment => _charge.Value;

    /// <summary>Stage for <see cref="OrderStatus.Paid"/>.</summary>
    public ShipOrderStage ShipOrder => _ship.Value;

    /// <summary>Stage for <see cref="OrderStatus.Shipped"/>.</summary>
    public GenerateInvoiceStage GenerateInvoice => _invoice.Value;

    /// <summary>Stage for <see cref="OrderStatus.Cancelled"/>.</summary>
    public CompensateStage Compensate => _compensate.Value;

    /// <summary>Finds and nudges orders stuck past their stage's deadline (<see cref="SystemTopology.StuckOrderDeadlines"/>).</summary>
    public StuckOrderSweeper Sweeper => _sweeper.Value;

    /// <summary>The Core stage of a stage function of the topology: the one declaring the status the function is triggered by.</summary>
    public OrderStage StageOf(FunctionDefinition function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var status = function.Trigger.Status ?? throw new ArgumentException($"'{function.Name}' is not a stage function.", nameof(function));
        OrderStage? stage =
            status == ReserveInventoryStage.Handles ? ReserveInventory
            : status == ChargePaymentStage.Handles ? ChargePayment
            : status == ShipOrderStage.Handles ? ShipOrder
            : status == GenerateInvoiceStage.Handles ? GenerateInvoice
            : status == CompensateStage.Handles ? Compensate
            : null;
        return stage ?? throw new ArgumentException($"No Core stage handles {status.ToWire()}, the trigger of '{function.Name}'.", nameof(function));
    }

    private static T Need<T>(T? port, string name)
        where T : class =>
        port ?? throw new InvalidOperationException($"The {name} port is not configured for this function; its topology entry does not name that store.");
}
