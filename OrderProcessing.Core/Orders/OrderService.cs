using System.Globalization;
using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Idempotency;
using OrderProcessing.Core.Invoices;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Core.Retries;

namespace OrderProcessing.Core.Orders;

/// <summary>
/// The order use cases behind the HTTP API: place (idempotently), read, list, cancel, operator move, delete and
/// invoice download. Each write is one conditional transition; nothing of a rejected request is stored.
/// </summary>
public sealed class OrderService(
    IOrderRepository orders,
    ICatalog catalog,
    IIdempotencyStore idempotency,
    IInvoiceStore invoices,
    IIdGenerator ids,
    TimeProvider clock,
    OrderServiceOptions? options = null)
{
    private readonly OrderServiceOptions _options = options ?? new OrderServiceOptions();

    /// <summary>
    /// Validates the request and its <c>Idempotency-Key</c> with <see cref="PlaceOrderValidator.Validate"/> (throwing
    /// <see cref="ValidationException"/>), then places the command as
    /// <see cref="PlaceAsync(PlaceOrderCommand, CancellationToken)"/> does.
    /// </summary>
    public async Task<PlaceOrderResult> PlaceAsync(PlaceOrderRequest request, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await PlaceAsync(PlaceOrderValidator.Validate(request, idempotencyKey), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Prices a validated command from the catalog and stores a <see cref="OrderStatus.Pending"/> order. With an
    /// idempotency key, the same key and request return the first order again; the same key with another request throws
    /// <see cref="IdempotencyKeyReusedException"/>. A product the catalog does not know, or lines in more than one
    /// currency, throw <see cref="ValidationException"/>.
    /// </summary>
    public async Task<PlaceOrderResult> PlaceAsync(PlaceOrderCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var lines = await PriceAsync(command.Lines, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var orderId = ids.NewOrderId();
        var idempotencyKey = command.IdempotencyKey;
        if (idempotencyKey is not null)
        {
            var fingerprint = RequestFingerprint.Compute(command);
            var claimed = await idempotency.TryClaimAsync(
                new IdempotencyRecord(idempotencyKey, fingerprint, orderId, now, now + _options.IdempotencyWindow),
                cancellationToken).ConfigureAwait(false);
            if (claimed is not null)
            {
                if (claimed.RequestFingerprint != fingerprint)
                {
                    throw new IdempotencyKeyReusedException();
                }

                var first = await orders.GetAsync(claimed.OrderId, cancellationToken).ConfigureAwait(false);
                if (first is not null)
                {
                    return new PlaceOrderResult(first, Replayed: true);
                }

                // The first request claimed the key but its order is not stored yet (in flight, or it crashed): create it
                // under the claimed id; if the first request wins the race, return its order. If the order was created
                // and deleted since, its tombstone makes the add conflict with no order to return.
                orderId = claimed.OrderId;
            }
        }

        var order = Order.Place(orderId, command.Customer, lines, command.ShippingAddress, command.PaymentToken, now);
        try
        {
            await orders.AddAsync(order, cancellationToken).ConfigureAwait(false);
            return new PlaceOrderResult(order, Replayed: false);
        }
        catch (ConcurrencyConflictException) when (idempotencyKey is not null)
        {
            // The id is taken. By the first request's order: return it. By nothing readable: a tombstone, since an order
            // only becomes deletable long after it is stored.
            var winner = await orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
            return winner is not null ? new PlaceOrderResult(winner, Replayed: true) : throw new IdempotencyKeyOrderDeletedException();
        }
    }

    /// <summary>The order, or <see cref="OrderNotFoundException"/>.</summary>
    public async Task<Order> GetAsync(string orderId, CancellationToken cancellationToken = default) =>
        await orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false) ?? throw new OrderNotFoundException(orderId);

    /// <summary>
    /// The order as <paramref name="visibleTo"/> may see it: a customer sees only their own orders, and someone else's
    /// order is <see cref="OrderNotFoundException"/> exactly like a missing one, so its existence is never revealed.
    /// </summary>
    /// <param name="orderId">The order.</param>
    /// <param name="visibleTo">The customer the order must belong to; null for a caller who may see every order (an operator).</param>
    /// <param name="cancellationToken">Ends the store call.</param>
    public async Task<Order> GetAsync(string orderId, string? visibleTo, CancellationToken cancellationToken = default) =>
        Visible(await GetAsync(orderId, cancellationToken).ConfigureAwait(false), visibleTo);

    /// <summary>
    /// The customer's whole history, newest first, read one page of <see cref="PageLimits.Max"/> at a time through the
    /// customer listing (never a scan), so a caller holds one page at a time however long the history is.
    /// </summary>
    public async IAsyncEnumerable<Order> HistoryAsync(string customerId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? cursor = null;
        do
        {
            var page = await ListByCustomerAsync(customerId, PageLimits.Max, cursor, cancellationToken).ConfigureAwait(false);
            foreach (var order in page.Items)
            {
                yield return order;
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    /// <summary>A page of orders, newest first, optionally of one status.</summary>
    public Task<Page<Order>> ListAsync(OrderStatus? status, int? limit, string? cursor, CancellationToken cancellationToken = default) =>
        orders.ListAsync(new OrderQuery(status, null, PageLimits.Resolve(limit), cursor), cancellationToken);

    /// <summary>A page of one customer's orders, newest first.</summary>
    public Task<Page<Order>> ListByCustomerAsync(string customerId, int? limit, string? cursor, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        TextRules.CheckIdentifier(errors, "customerId", customerId);
        errors.ThrowIfAny();
        return orders.ListAsync(new OrderQuery(null, customerId, PageLimits.Resolve(limit), cursor), cancellationToken);
    }

    /// <summary>Cancels the order; <see cref="InvalidTransitionException"/> once shipped or terminal. Compensation follows through the pipeline.</summary>
    public Task<Order> CancelAsync(string orderId, string? reason, CancellationToken cancellationToken = default) =>
        CancelAsync(orderId, reason, null, cancellationToken);

    /// <summary>
    /// Cancels the order on behalf of <paramref name="visibleTo"/> (null: anyone's order); someone else's order is
    /// <see cref="OrderNotFoundException"/> and is left untouched. Otherwise as <see cref="CancelAsync(string, string?, CancellationToken)"/>.
    /// </summary>
    public Task<Order> CancelAsync(string orderId, string? reason, string? visibleTo, CancellationToken cancellationToken = default) =>
        TransitionAsync(orderId, order => Visible(order, visibleTo).Cancel(string.IsNullOrWhiteSpace(reason) ? "cancelled on request" : reason, clock.GetUtcNow()), cancellationToken);

    /// <summary>
    /// An operator's move, limited to <see cref="OrderTransitions.OperatorMoves"/> (giving an order up; the pipeline
    /// releases its stock and refunds a capture) by <see cref="Order.GiveUp"/>. Another move the lifecycle allows throws
    /// <see cref="OperatorMoveNotAllowedException"/> naming the stage that makes it; anything else throws
    /// <see cref="InvalidTransitionException"/>.
    /// </summary>
    public Task<Order> MoveAsync(string orderId, OrderStatus status, CancellationToken cancellationToken = default) =>
        TransitionAsync(
            orderId,
            order => order.GiveUp(status, $"moved to {status.ToWire()} by an operator", clock.GetUtcNow(), _options.StageNames),
            cancellationToken);

    /// <summary>
    /// Deletes a terminal order; <see cref="OrderNotDeletableException"/> otherwise, and
    /// <see cref="OrderStillSettlingException"/> while an order that gave up its stock is within
    /// <see cref="OrderServiceOptions.SettlingPeriod"/> (its stock and payment may still be on their way back). The
    /// order's id stays taken for <see cref="OrderServiceOptions.TombstoneLifetime"/>, so a replay of the
    /// <c>Idempotency-Key</c> that created it is answered with <see cref="IdempotencyKeyOrderDeletedException"/> instead
    /// of a new order under the old id (whose reserve stage would find the old reservations settled and release the old
    /// order's shipped stock).
    /// </summary>
    public async Task DeleteAsync(string orderId, CancellationToken cancellationToken = default)
    {
        var order = await GetAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (!OrderTransitions.IsTerminal(order.Status))
        {
            throw new OrderNotDeletableException(orderId, order.Status);
        }

        if (order.Status != OrderStatus.Completed && clock.GetUtcNow() < order.UpdatedAt + _options.SettlingPeriod)
        {
            throw new OrderStillSettlingException(orderId, order.Status, order.UpdatedAt + _options.SettlingPeriod);
        }

        await orders.DeleteAsync(orderId, order.Version, clock.GetUtcNow() + _options.TombstoneLifetime, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The order's invoice as a time-limited link or bytes; <see cref="NotFoundException"/> until it exists.</summary>
    public Task<InvoiceDownload> GetInvoiceAsync(string orderId, CancellationToken cancellationToken = default) =>
        GetInvoiceAsync(orderId, null, cancellationToken);

    /// <summary>The invoice of an order <paramref name="visibleTo"/> may see (null: any order); someone else's order is <see cref="OrderNotFoundException"/>.</summary>
    public async Task<InvoiceDownload> GetInvoiceAsync(string orderId, string? visibleTo, CancellationToken cancellationToken = default)
    {
        var order = await GetAsync(orderId, visibleTo, cancellationToken).ConfigureAwait(false);
        if (!order.InvoiceAvailable)
        {
            throw new NotFoundException("invoice", orderId);
        }

        var link = await invoices.GetDownloadLinkAsync(orderId, _options.InvoiceLinkLifetime, cancellationToken).ConfigureAwait(false);
        if (link is not null)
        {
            return new InvoiceDownload(link, null);
        }

        var bytes = await invoices.GetAsync(orderId, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("invoice", orderId);
        return new InvoiceDownload(null, bytes);
    }

    // The one visibility rule: an order belongs to the customer who placed it, and to nobody else looks missing.
    private static Order Visible(Order order, string? visibleTo) =>
        visibleTo is null || string.Equals(order.Customer.CustomerId, visibleTo, StringComparison.Ordinal)
            ? order
            : throw new OrderNotFoundException(order.OrderId);

    // A pipeline stage may move the order meanwhile (ConcurrencyConflictException): decide again on its new state. The
    // last attempt's conflict surfaces.
    private Task<Order> TransitionAsync(string orderId, Action<Order> transition, CancellationToken cancellationToken) =>
        new ContentionRetry(Math.Max(1, _options.MaxConflictRetries), clock).RunAsync(
            async ct =>
            {
                var order = await GetAsync(orderId, ct).ConfigureAwait(false);
                transition(order);
                await orders.UpdateAsync(order, ct).ConfigureAwait(false);
                return Attempt<Order>.Done(order);
            },
            () => new ConcurrencyConflictException($"Order '{orderId}' kept changing concurrently."),
            cancellationToken);

    private async Task<IReadOnlyList<OrderLine>> PriceAsync(IReadOnlyList<PlaceOrderLine> items, CancellationToken cancellationToken)
    {
        var ids = new List<string>(items.Count);
        foreach (var item in items)
        {
            ids.Add(item.ProductId);
        }

        var products = await catalog.GetManyAsync(ids, cancellationToken).ConfigureAwait(false);
        var errors = new ValidationErrors();
        for (var i = 0; i < ids.Count; i++)
        {
            if (!products.ContainsKey(ids[i]))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"items[{i}].productId"), $"unknown product '{ids[i]}'");
            }
        }

        errors.ThrowIfAny();
        var currency = products[ids[0]].UnitPrice.Currency;
        if (ids.Any(id => products[id].UnitPrice.Currency != currency))
        {
            var currencies = ids.Select(id => products[id].UnitPrice.Currency).Distinct().ToList();
            errors.Add("items", $"all lines must share one currency; found {string.Join(", ", currencies.Select(c => c.Code))}");
            errors.ThrowIfAny();
        }

        var lines = new List<OrderLine>(items.Count);
        foreach (var item in items)
        {
            var product = products[item.ProductId];
            lines.Add(new OrderLine(item.ProductId, product.Name, item.Quantity, product.UnitPrice));
        }

        return lines;
    }
}
