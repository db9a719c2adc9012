using OrderProcessing.Core.Pricing;

namespace OrderProcessing.Core.Orders;

/// <summary>
/// The order aggregate. It changes state only through named methods, each one transition of
/// <see cref="OrderTransitions"/> that appends history, emits an event and bumps the version; a move the lifecycle
/// does not allow throws <see cref="InvalidTransitionException"/>.
/// </summary>
public sealed class Order
{
    private readonly List<OrderLine> _lines;
    private readonly List<StatusChange> _history;

    private Order(
        string orderId,
        Customer customer,
        IEnumerable<OrderLine> lines,
        Address shippingAddress,
        string paymentToken,
        DateTimeOffset createdAt)
    {
        OrderId = orderId;
        Customer = customer;
        _lines = lines.ToList();
        if (_lines.Count == 0)
        {
            throw new ArgumentException("An order needs at least one line.", nameof(lines));
        }

        Currency = _lines[0].UnitPrice.Currency;
        Total = Money.Sum(_lines.Select(l => l.LineTotal), Currency);
        ShippingAddress = shippingAddress;
        PaymentToken = paymentToken;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
        _history = [];
        LastEvent = null!;
    }

    /// <summary>Identifier.</summary>
    public string OrderId { get; }

    /// <summary>Who placed the order.</summary>
    public Customer Customer { get; }

    /// <summary>The lines, in the order given.</summary>
    public IReadOnlyList<OrderLine> Lines => _lines.AsReadOnly();

    /// <summary>Currency shared by every line.</summary>
    public Currency Currency { get; }

    /// <summary>Sum of the rounded line totals.</summary>
    public Money Total { get; }

    /// <summary>Where to ship.</summary>
    public Address ShippingAddress { get; }

    /// <summary>The payment method token; never logged or returned by the API.</summary>
    public string PaymentToken { get; }

    /// <summary>Current status.</summary>
    public OrderStatus Status { get; private set; }

    /// <summary>Optimistic version: 1 on creation, +1 per transition. Stores write only if they still hold <c>Version - 1</c>.</summary>
    public long Version { get; private set; }

    /// <summary>Gateway payment id once captured.</summary>
    public string? PaymentId { get; private set; }

    /// <summary>Carrier tracking number once shipped.</summary>
    public string? TrackingNumber { get; private set; }

    /// <summary>Storage key of the invoice PDF once rendered.</summary>
    public string? InvoiceKey { get; private set; }

    /// <summary>True once the invoice is stored.</summary>
    public bool InvoiceAvailable => InvoiceKey is not null;

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Time of the last transition.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Every status entered, oldest first.</summary>
    public IReadOnlyList<StatusChange> History => _history.AsReadOnly();

    /// <summary>The event emitted by the last transition.</summary>
    public OrderEvent LastEvent { get; private set; }

    /// <summary>The status the order had before the last transition (null right after creation).</summary>
    public OrderStatus? PreviousStatus => LastEvent.PreviousStatus;

    /// <summary>Accepts a new order in <see cref="OrderStatus.Pending"/>. Lines must share one currency.</summary>
    public static Order Place(string orderId, Customer customer, IReadOnlyList<OrderLine> lines, Address shippingAddress, string paymentToken, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(shippingAddress);
        ArgumentNullException.ThrowIfNull(paymentToken);
        var order = new Order(orderId, customer, lines, shippingAddress, paymentToken, now)
        {
            Status = OrderStatus.Pending,
            Version = 1,
        };
        order._history.Add(new StatusChange(OrderStatus.Pending, now, "order placed"));
        order.LastEvent = new OrderEvent(OrderEventTypes.Created, orderId, OrderStatus.Pending, null, 1, now, "order placed");
        return order;
    }

    /// <summary>Every line's stock is reserved.</summary>
    public void MarkReserved(DateTimeOffset now) => Transition(OrderStatus.Reserved, "stock reserved", now);

    /// <summary>A line could not be reserved; <paramref name="reason"/> names it.</summary>
    public void MarkOutOfStock(string reason, DateTimeOffset now) => Transition(OrderStatus.OutOfStock, reason, now);

    /// <summary>Payment captured with gateway id <paramref name="paymentId"/>.</summary>
    public void MarkPaid(string paymentId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentId);
        Transition(OrderStatus.Paid, "payment captured", now);
        PaymentId = paymentId;
    }

    /// <summary>Payment declined for <paramref name="reason"/>.</summary>
    public void MarkPaymentFailed(string reason, DateTimeOffset now) => Transition(OrderStatus.PaymentFailed, reason, now);

    /// <summary>Shipment created with <paramref name="trackingNumber"/>.</summary>
    public void MarkShipped(string trackingNumber, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(trackingNumber);
        Transition(OrderStatus.Shipped, $"shipped, tracking {trackingNumber}", now);
        TrackingNumber = trackingNumber;
    }

    /// <summary>Invoice stored under <paramref name="invoiceKey"/>; the order is complete.</summary>
    public void MarkCompleted(string invoiceKey, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(invoiceKey);
        Transition(OrderStatus.Completed, "invoice issued", now);
        InvoiceKey = invoiceKey;
    }

    /// <summary>Cancels the order; allowed until it ships.</summary>
    public void Cancel(string reason, DateTimeOffset now) => Transition(OrderStatus.Cancelled, reason, now);

    /// <summary>
    /// An operator gives the order up: moves it to <paramref name="target"/> (<c>OUT_OF_STOCK</c>, <c>PAYMENT_FAILED</c>
    /// or <c>CANCELLED</c>) where <see cref="OrderTransitions.OperatorMoves"/> allows it. A move that records a stage's
    /// work (stock reserved, payment captured, shipment created, invoice stored) is made only by that stage's named method,
    /// which carries the stage's data.
    /// </summary>
    /// <param name="target">The status to give the order up to.</param>
    /// <param name="reason">Why, recorded in the history and the event.</param>
    /// <param name="now">When.</param>
    /// <param name="stageNames">
    /// The pipeline stage that processes orders in each status, to name in a rejection; without an entry the rejection
    /// describes the stage by the status it processes.
    /// </param>
    /// <exception cref="OperatorMoveNotAllowedException">The lifecycle allows the move, but only a pipeline stage makes it.</exception>
    /// <exception cref="InvalidTransitionException">The lifecycle does not allow the move.</exception>
    public void GiveUp(OrderStatus target, string reason, DateTimeOffset now, IReadOnlyDictionary<OrderStatus, string>? stageNames = null)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (OrderTransitions.IsAllowed(Status, target) && !OrderTransitions.IsOperatorMove(Status, target))
        {
            // A forward move: the stage of the order's current status makes it once its work is done.
            throw new OperatorMoveNotAllowedException(Status, target, stageNames?.GetValueOrDefault(Status));
        }

        Transition(target, reason, now);
    }

    /// <summary>The stored form of this order.</summary>
    public OrderSnapshot ToSnapshot() => new(
        OrderId,
        Customer.CustomerId,
        Customer.Email,
        Customer.Name,
        Status,
        Version,
        Currency,
        _lines.Select(l => new OrderLineSnapshot(l.ProductId, l.Name, l.Quantity, l.UnitPrice.Amount)).ToList(),
        ShippingAddress,
        PaymentToken,
        PaymentId,
        TrackingNumber,
        InvoiceKey,
        CreatedAt,
        UpdatedAt,
        _history.ToList(),
        LastEvent);

    /// <summary>
    /// Rebuilds an order from its stored form, recomputing line totals and the total. The status must come with the data
    /// the stages recorded on the way to it: a payment id from <c>PAID</c> on, a tracking number from <c>SHIPPED</c> on
    /// and an invoice key at <c>COMPLETED</c>; otherwise <see cref="ArgumentException"/>.
    /// </summary>
    public static Order FromSnapshot(OrderSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        EnsureHasStatusData(snapshot);
        var lines = snapshot.Lines.Select(l => new OrderLine(l.ProductId, l.Name, l.Quantity, new Money(l.UnitPrice, snapshot.Currency)));
        var order = new Order(
            snapshot.OrderId,
            new Customer(snapshot.CustomerId, snapshot.CustomerEmail, snapshot.CustomerName),
            lines,
            snapshot.ShippingAddress,
            snapshot.PaymentToken,
            snapshot.CreatedAt)
        {
            Status = snapshot.Status,
            Version = snapshot.Version,
            PaymentId = snapshot.PaymentId,
            TrackingNumber = snapshot.TrackingNumber,
            InvoiceKey = snapshot.InvoiceKey,
            UpdatedAt = snapshot.UpdatedAt,
            LastEvent = snapshot.LastEvent,
        };
        order._history.AddRange(snapshot.History);
        return order;
    }

    // Storage is the one way in that skips the named methods, so it must not bring in an order the methods could not make.
    private static void EnsureHasStatusData(OrderSnapshot snapshot)
    {
        var status = snapshot.Status;
        var missing =
            status is OrderStatus.Paid or OrderStatus.Shipped or OrderStatus.Completed && string.IsNullOrEmpty(snapshot.PaymentId) ? "payment id"
            : status is OrderStatus.Shipped or OrderStatus.Completed && string.IsNullOrEmpty(snapshot.TrackingNumber) ? "tracking number"
            : status is OrderStatus.Completed && string.IsNullOrEmpty(snapshot.InvoiceKey) ? "invoice key"
            : null;
        if (missing is not null)
        {
            throw new ArgumentException($"Stored order '{snapshot.OrderId}' is {status.ToWire()} but has no {missing}.", nameof(snapshot));
        }
    }

    private void Transition(OrderStatus to, string reason, DateTimeOffset now)
    {
        var type = OrderTransitions.EventFor(Status, to);
        var from = Status;
        Status = to;
        Version++;
        UpdatedAt = now;
        _history.Add(new StatusChange(to, now, reason));
        LastEvent = new OrderEvent(type, OrderId, to, from, Version, now, reason);
    }
}
