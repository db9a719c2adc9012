using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Invoices;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Core.Shipping;
using OrderProcessing.Reliability.Chaos;
using OrderProcessing.Reliability.Dispatch;
using OrderProcessing.Reliability.Faults;
using OrderProcessing.Reliability.Stores;
using OrderProcessing.Reliability.Time;
using OrderProcessing.Topology;
using OrderProcessing.Transport.ChangeFeed;
using OrderProcessing.Transport.Delivery;
using OrderProcessing.Transport.Events;
using OrderProcessing.Transport.Invocation;
using OrderProcessing.Transport.Queues;

namespace OrderProcessing.Reliability.Concurrency;

/// <summary>
/// Requests that really overlap (released together on the thread pool): the same <c>POST /orders</c> with one
/// Idempotency-Key must create one order, and many orders racing for the last units must sell exactly those units,
/// even when every reserve message is delivered twice at once.
/// </summary>
internal static class ConcurrencyChecks
{
    /// <summary>Parallel identical placements.</summary>
    public const int SameKeyRequests = 20;

    /// <summary>Units left of the contended product.</summary>
    public const int LastUnits = 10;

    /// <summary>Orders racing for them.</summary>
    public const int RacingOrders = 50;

    /// <summary>The customer e-mail of every order these checks place (the security checks look for it in the logs).</summary>
    public const string CustomerEmail = "jane.doe@example.com";

    private const string Product = "last-units";

    /// <summary>Runs every check on fresh stores from <paramref name="stores"/>, with the system built by <paramref name="host"/>.</summary>
    public static async Task<ConcurrencyReport> RunAsync(IStoreProvider stores, ISystemHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(host);
        var checks = new List<InvariantResult>
        {
            await SameKeyAsync(stores, host, sameBody: true, cancellationToken).ConfigureAwait(false),
            await SameKeyAsync(stores, host, sameBody: false, cancellationToken).ConfigureAwait(false),
            await LastUnitsAsync(stores, host, cancellationToken).ConfigureAwait(false),
        };
        return new ConcurrencyReport(stores.Name, host.Name, checks);
    }

    private static async Task<InvariantResult> SameKeyAsync(IStoreProvider stores, ISystemHost host, bool sameBody, CancellationToken cancellationToken)
    {
        var system = await ComposeAsync(stores, host, 1_000_000, cancellationToken).ConfigureAwait(false);
        var key = $"concurrent-{Guid.NewGuid():N}";
        var results = await StartingGate.RunAsync(SameKeyRequests, i => CallerScope.RunAsync(CallerScope.Api, () =>
            system.Api.PlaceAsync(Request(sameBody ? "c-same" : $"c-{i:D2}", quantity: 1), key, cancellationToken))).ConfigureAwait(false);
        var stored = await CountOrdersAsync(system.Stores.Orders, cancellationToken).ConfigureAwait(false);
        var ids = results.Where(r => r.IsSuccess).Select(r => r.OrderId).Distinct(StringComparer.Ordinal).ToList();
        var created = results.Count(r => r.StatusCode == 201 && !r.Replayed);
        var violations = new List<string>();
        if (stored != 1 || system.Feed.Count != 1)
        {
            violations.Add($"{stored} orders stored and {system.Feed.Count} changes emitted, expected 1 each");
        }

        if (created != 1)
        {
            violations.Add($"{created} answers created an order (201, not a replay), expected exactly 1");
        }

        if (sameBody)
        {
            violations.AddRange(results.Where(r => !r.IsSuccess).Select(r => $"answered {r.StatusCode}: {r.Detail}"));
            if (ids.Count != 1)
            {
                violations.Add($"{ids.Count} different order ids were returned");
            }
        }
        else
        {
            violations.AddRange(results.Where(r => r.StatusCode is not (201 or 409)).Select(r => $"answered {r.StatusCode} (expected 201 once, 409 for the rest): {r.Detail}"));
        }

        var byStatus = string.Join(", ", results.GroupBy(r => (r.StatusCode, r.Replayed)).OrderBy(g => g.Key.StatusCode).ThenBy(g => g.Key.Replayed).Select(g => $"{g.Count()} x {g.Key.StatusCode}{(g.Key.Replayed ? " (replay)" : "")}"));
        return new InvariantResult(
            sameBody
                ? $"{SameKeyRequests} parallel POST /orders with one Idempotency-Key and one body create exactly one order"
                : $"{SameKeyRequests} parallel POST /orders with one Idempotency-Key and different bodies create exactly one order, the rest 409",
            $"answers: {byStatus}; {ids.Count} distinct order id(s); {stored} order(s) stored",
            violations);
    }

    private static async Task<InvariantResult> LastUnitsAsync(IStoreProvider stores, ISystemHost host, CancellationToken cancellationToken)
    {
        var system = await ComposeAsync(stores, host, LastUnits, cancellationToken).ConfigureAwait(false);
        var orderIds = new List<string>();
        for (var i = 0; i < RacingOrders; i++)
        {
            var placed = await CallerScope.RunAsync(CallerScope.Api, () => system.Api.PlaceAsync(Request($"c-{i:D2}", quantity: 1), $"race-{i}", cancellationToken)).ConfigureAwait(false);
            orderIds.Add(placed.OrderId ?? throw new InvalidOperationException($"Placing order {i} answered {placed.StatusCode}: {placed.Detail}"));
        }

        // Every order's reserve message is delivered twice, and all hundred deliveries start together. A delivery that
        // fails (a store's write conflict) is retried, as SQS would.
        var retries = 0;
        var deliveries = orderIds.SelectMany(id => new[] { id, id }).ToList();
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in orderIds)
        {
            var order = (await system.Stores.Orders.GetAsync(id, cancellationToken).ConfigureAwait(false))!;
            bodies[id] = OrderEventEnvelopes.ToJson(OrderEventEnvelopes.ForChange(new OrderChange(OrderChangeKind.Insert, id, null, order.ToSnapshot(), 1, order.UpdatedAt))!);
        }

        var reserve = system.Stages(SystemTopology.ReserveInventory);
        var options = new DispatcherOptions();
        await StartingGate.RunAsync(deliveries.Count, async i =>
        {
            for (var attempt = 1; ; attempt++)
            {
                var messageId = $"race-{i}-{attempt}";
                var now = TimeProvider.System.GetUtcNow();
                var sqsEvent = SqsEventFactory.Create([new ReceivedMessage(messageId, messageId, bodies[deliveries[i]], attempt, now, now)], SystemTopology.ReserveInventory.Name, options);
                var failed = await StageInvocation.FailedMessageIdsAsync(reserve, sqsEvent, TimeSpan.FromSeconds(SystemTopology.ReserveInventory.TimeoutSeconds), TimeProvider.System).ConfigureAwait(false);
                var failure = system.Failures.Take(SystemTopology.ReserveInventory.Name, messageId);
                if (failed.Count == 0)
                {
                    return true;
                }

                if (attempt == 20)
                {
                    throw new InvalidOperationException($"The reserve stage kept failing for {deliveries[i]}: {failure?.Cause}");
                }

                Interlocked.Increment(ref retries);
                await Task.Delay(Random.Shared.Next(1, 20), cancellationToken).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);

        var statuses = new ConcurrentBag<OrderStatus>();
        foreach (var id in orderIds)
        {
            statuses.Add((await system.Stores.Orders.GetAsync(id, cancellationToken).ConfigureAwait(false))!.Status);
        }

        var stock = await system.Stores.Inventory.GetStockAsync(Product, cancellationToken).ConfigureAwait(false);
        var reserved = statuses.Count(s => s == OrderStatus.Reserved);
        var outOfStock = statuses.Count(s => s == OrderStatus.OutOfStock);
        var violations = new List<string>();
        if (reserved != LastUnits || outOfStock != RacingOrders - LastUnits)
        {
            violations.Add($"{reserved} orders reserved and {outOfStock} out of stock, expected {LastUnits} and {RacingOrders - LastUnits}");
        }

        if (stock != new StockLevel(0, LastUnits, 0))
        {
            violations.Add($"stock ended {stock}, expected 0 available, {LastUnits} reserved");
        }

        return new InvariantResult(
            $"{RacingOrders} parallel orders for the last {LastUnits} units sell exactly {LastUnits} (every reserve message delivered twice at once)",
            $"{deliveries.Count} concurrent deliveries ({retries} retried after a failure): {reserved} RESERVED, {outOfStock} OUT_OF_STOCK; stock {stock?.Available} available, {stock?.Reserved} reserved",
            violations);
    }

    private static async Task<int> CountOrdersAsync(IOrderRepository orders, CancellationToken cancellationToken)
    {
        var count = 0;
        string? cursor = null;
        do
        {
            var page = await orders.ListAsync(new OrderQuery(null, null, 100, cursor), cancellationToken).ConfigureAwait(false);
            count += page.Items.Count;
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return count;
    }

    private static PlaceOrderRequest Request(string customerId, int quantity) => new(
        customerId,
        CustomerEmail,
        "Jane Doe",
        [new OrderLineRequest(Product, quantity)],
        TestPaymentTokens.Visa,
        new AddressRequest("1 Main St", null, "Springfield", null, "12345", "US"));

    private static async Task<ComposedSystem> ComposeAsync(IStoreProvider stores, ISystemHost host, int stock, CancellationToken cancellationToken)
    {
        var clock = TimeProvider.System;
        var raw = await stores.CreateAsync(clock, cancellationToken).ConfigureAwait(false);
        await raw.Catalog.UpsertAsync(Product, "The last units", new Money(25m, Currency.Eur), stock, cancellationToken).ConfigureAwait(false);
        var changes = new OrderChangeFeed(clock, NullLogger<OrderChangeFeed>.Instance);
        var feed = new ChangeFeedOrderRepository(raw.Orders, changes);
        var failures = new StageFailureLog();
        var ports = new HostPorts(
            feed,
            raw.Catalog,
            raw.Inventory,
            raw.Ledger,
            new SimulatedPaymentGateway(raw.Ledger, clock),
            new SimulatedCarrier(),
            raw.Invoices,
            new PdfInvoiceRenderer(),
            raw.Idempotency,
            new UlidIdGenerator(clock),
            clock,
            new OrderServiceOptions());
        return new ComposedSystem(raw, changes, host.CreateApi(ports), host.CreateStages(ports, failures), failures);
    }
}
