using System.Globalization;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;
using OrderProcessing.Reliability.Dispatch;
using OrderProcessing.Reliability.Payments;
using OrderProcessing.Reliability.Stores;
using OrderProcessing.Topology;

namespace OrderProcessing.Reliability.Chaos;

/// <summary>
/// Reads the stores after a run (without faults) and checks every guarantee: no order lost or duplicated, every order
/// terminal along allowed transitions, stock conserved with nothing left reserved, no double charge, refunds for
/// cancelled captures, invoices for completed orders, no dead letters and no unexpected failures.
/// </summary>
internal static class InvariantChecker
{
    /// <summary>Every invariant, in report order.</summary>
    public static async Task<IReadOnlyList<InvariantResult>> CheckAsync(
        ChaosWorkload workload,
        IReadOnlyList<IntentOutcome> outcomes,
        StorePorts stores,
        CaptureCountingLedger captures,
        DispatchReport dispatch,
        SameStatusWriter sameStatus,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(captures);
        ArgumentNullException.ThrowIfNull(dispatch);
        ArgumentNullException.ThrowIfNull(sameStatus);
        var rewrites = sameStatus.Writes;
        var stored = await ListAllAsync(stores.Orders, cancellationToken).ConfigureAwait(false);
        var intentByOrder = outcomes.Where(o => o.OrderId is not null).GroupBy(o => o.OrderId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var results = new List<InvariantResult>
        {
            Placement(outcomes),
            Accounting(outcomes, stored),
            Terminal(stored),
            History(stored, rewrites),
        };
        results.AddRange(await StockAsync(workload, stores, stored, cancellationToken).ConfigureAwait(false));
        results.AddRange(await PaymentsAsync(intentByOrder, stores, stored, captures, cancellationToken).ConfigureAwait(false));
        results.Add(Decisions(intentByOrder, stored));
        results.Add(await InvoicesAsync(stores, stored, cancellationToken).ConfigureAwait(false));
        results.Add(DeadLetters(dispatch));
        results.Add(UnexpectedFailures(dispatch));
        results.Add(TransitionsOnly(dispatch, sameStatus, rewrites));
        return results;
    }

    private static async Task<Dictionary<string, Order>> ListAllAsync(IOrderRepository orders, CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, Order>(StringComparer.Ordinal);
        string? cursor = null;
        do
        {
            var page = await orders.ListAsync(new OrderQuery(null, null, 100, cursor), cancellationToken).ConfigureAwait(false);
            foreach (var order in page.Items)
            {
                if (!all.TryAdd(order.OrderId, order))
                {
                    throw new InvalidOperationException($"The listing returned order {order.OrderId} twice.");
                }
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }

    private static InvariantResult Placement(IReadOnlyList<IntentOutcome> outcomes)
    {
        var violations = new List<string>();
        foreach (var o in outcomes)
        {
            if (o.OrderId is null)
            {
                violations.Add($"intent {o.Intent.Index} ({o.Intent.IdempotencyKey}) got no order");
            }

            violations.AddRange(o.Errors.Select(e => $"intent {o.Intent.Index}: {e}"));
        }

        violations.AddRange(outcomes.Where(o => o.OrderId is not null).GroupBy(o => o.OrderId).Where(g => g.Count() > 1).Select(g => $"order {g.Key} was returned for {g.Count()} different keys"));
        var retried = outcomes.Count(o => o.PlaceAttempts > 1);
        var replays = outcomes.Sum(o => o.Replays);
        return new InvariantResult(
            "Every request is answered with exactly one order",
            $"{outcomes.Count(o => o.OrderId is not null)} of {outcomes.Count} placements answered; {retried} needed retries after a 5xx, {replays} answered by replaying the key's first order",
            violations);
    }

    private static InvariantResult Accounting(IReadOnlyList<IntentOutcome> outcomes, Dictionary<string, Order> stored)
    {
        var created = outcomes.Where(o => o.OrderId is not null).Select(o => o.OrderId!).ToHashSet(StringComparer.Ordinal);
        var deleted = outcomes.Where(o => o.Deleted).Select(o => o.OrderId!).ToHashSet(StringComparer.Ordinal);
        var violations = new List<string>();
        violations.AddRange(stored.Keys.Where(id => !created.Contains(id)).Select(id => $"order {id} is stored but no client was given it (a duplicate)"));
        violations.AddRange(created.Where(id => !stored.ContainsKey(id) && !deleted.Contains(id)).Select(id => $"order {id} was accepted but is gone (lost)"));
        violations.AddRange(deleted.Where(stored.ContainsKey).Select(id => $"order {id} was deleted but is still stored"));
        var accounted = stored.Keys.Count(created.Contains) + deleted.Count(id => !stored.ContainsKey(id));
        return new InvariantResult(
            "Orders created equal orders accounted for",
            $"{created.Count} created = {accounted} accounted for ({stored.Count} stored + {deleted.Count} deleted by their client after cancelling)",
            violations);
    }

    private static InvariantResult Terminal(Dictionary<string, Order> stored)
    {
        var violations = stored.Values.Where(o => !OrderTransitions.IsTerminal(o.Status)).Select(o => $"order {o.OrderId} is still {o.Status.ToWire()}").ToList();
        var byStatus = stored.Values.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key.ToWire()} {g.Count()}");
        return new InvariantResult(
            "Every order ends terminal",
            $"{stored.Count - violations.Count} of {stored.Count} stored orders terminal: {string.Join(", ", byStatus)}",
            violations);
    }

    private static InvariantResult History(Dictionary<string, Order> stored, IReadOnlyDictionary<string, int> rewrites)
    {
        var violations = new List<string>();
        foreach (var order in stored.Values)
        {
            var h = order.History;
            if (h.Count == 0 || h[0].Status != OrderStatus.Pending)
            {
                violations.Add($"order {order.OrderId} does not start PENDING");
                continue;
            }

            for (var i = 1; i < h.Count; i++)
            {
                if (!OrderTransitions.IsAllowed(h[i - 1].Status, h[i].Status))
                {
                    violations.Add($"order {order.OrderId} moved {h[i - 1].Status.ToWire()} -> {h[i].Status.ToWire()}");
                }
            }

            // A same-status write takes a version and adds no history entry.
            var sameStatusWrites = rewrites.GetValueOrDefault(order.OrderId);
            if (h[^1].Status != order.Status || order.Version != h.Count + sameStatusWrites)
            {
                violations.Add($"order {order.OrderId} has version {order.Version} and status {order.Status.ToWire()} but {h.Count} history entries ending {h[^1].Status.ToWire()} and {sameStatusWrites} same-status write(s)");
            }
        }

        var transitions = stored.Values.Sum(o => o.History.Count - 1);
        return new InvariantResult(
            "Every history follows the lifecycle, one entry per transition",
            $"{stored.Count} histories, {transitions} transitions, all allowed; versions also count {rewrites.Values.Sum()} same-status writes",
            violations);
    }

    private static async Task<IEnumerable<InvariantResult>> StockAsync(ChaosWorkload workload, StorePorts stores, Dictionary<string, Order> stored, CancellationToken cancellationToken)
    {
        var conserved = new List<string>();
        var leftover = new List<string>();
        var shippedMismatch = new List<string>();
        long stocked = 0, reservedTotal = 0, shippedTotal = 0;
        foreach (var item in workload.Catalog)
        {
            var level = await stores.Inventory.GetStockAsync(item.ProductId, cancellationToken).ConfigureAwait(false);
            if (level is null)
            {
                conserved.Add($"product {item.ProductId} is gone");
                continue;
            }

            stocked += item.Stock;
            reservedTotal += level.Reserved;
            shippedTotal += level.Shipped;
            if (level.Stocked != item.Stock || level.Available < 0 || level.Reserved < 0 || level.Shipped < 0)
            {
                conserved.Add($"{item.ProductId}: available {level.Available} + reserved {level.Reserved} + shipped {level.Shipped} = {level.Stocked}, stocked {item.Stock}");
            }

            if (level.Reserved != 0)
            {
                leftover.Add($"{item.ProductId}: {level.Reserved} unit(s) still reserved with no order in flight");
            }

            var completedUnits = stored.Values.Where(o => o.Status == OrderStatus.Completed).SelectMany(o => o.Lines).Where(l => l.ProductId == item.ProductId).Sum(l => (long)l.Quantity);
            if (level.Shipped != completedUnits)
            {
                shippedMismatch.Add($"{item.ProductId}: {level.Shipped} unit(s) shipped, completed orders hold {completedUnits}");
            }
        }

        var scarce = workload.Catalog.Where(c => c.Scarce).Select(c => c.ProductId).ToHashSet(StringComparer.Ordinal);
        return
        [
            new InvariantResult(
                "Stock is conserved for every product (available + reserved + shipped = stocked)",
                $"{workload.Catalog.Count} products, {stocked.ToString("N0", CultureInfo.InvariantCulture)} units stocked, all accounted for",
                conserved),
            new InvariantResult(
                "No reservation is left behind",
                $"{reservedTotal} unit(s) reserved at the end over {workload.Catalog.Count} products",
                leftover),
            new InvariantResult(
                "Shipped stock equals the units of completed orders (nothing oversold, nothing shipped for a cancelled order)",
                $"{shippedTotal.ToString("N0", CultureInfo.InvariantCulture)} units shipped for {stored.Values.Count(o => o.Status == OrderStatus.Completed)} completed orders; scarce products sold out: {workload.Catalog.Count(c => c.Scarce)} stocked with {workload.Catalog.Where(c => c.Scarce).Sum(c => c.Stock)} units, {stored.Values.Count(o => o.Status == OrderStatus.OutOfStock && o.Lines.Any(l => scarce.Contains(l.ProductId)))} orders out of stock",
                shippedMismatch),
        ];
    }

    private static async Task<IEnumerable<InvariantResult>> PaymentsAsync(
        Dictionary<string, IntentOutcome> intentByOrder,
        StorePorts stores,
        Dictionary<string, Order> stored,
        CaptureCountingLedger captures,
        CancellationToken cancellationToken)
    {
        var twice = new List<string>();
        var completedWrong = new List<string>();
        var unrefunded = new List<string>();
        var failedCharged = new List<string>();
        int captured = 0, completed = 0, cancelledAfterPayment = 0, refunded = 0, failedChecked = 0;
        foreach (var (orderId, outcome) in intentByOrder)
        {
            var status = stored.TryGetValue(orderId, out var order) ? order.Status : outcome.Deleted ? OrderStatus.Cancelled : (OrderStatus?)null;
            var record = await stores.Ledger.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
            var captureCount = captures.Captures.GetValueOrDefault(orderId);
            var refundCount = captures.Refunds.GetValueOrDefault(orderId);
            captured += captureCount > 0 ? 1 : 0;
            if (captureCount > 1 || refundCount > 1)
            {
                twice.Add($"order {orderId}: {captureCount} captures, {refundCount} refunds");
            }

            if (status == OrderStatus.Completed)
            {
                completed++;
                if (captureCount != 1 || record?.Status != PaymentStatus.Captured || record.Amount != order!.Total)
                {
                    completedWrong.Add($"order {orderId} completed with {captureCount} capture(s), ledger {record?.Status.ToString() ?? "empty"} {record?.Amount}, total {order!.Total}");
                }
            }
            else if (captureCount > 0)
            {
                cancelledAfterPayment++;
                refunded += record?.Status == PaymentStatus.Refunded ? 1 : 0;
                if (record?.Status != PaymentStatus.Refunded || refundCount != 1)
                {
                    unrefunded.Add($"order {orderId} is {status?.ToWire() ?? "gone"} but its capture is {record?.Status.ToString() ?? "missing"} ({refundCount} refund(s))");
                }
            }

            if (status is OrderStatus.PaymentFailed or OrderStatus.OutOfStock)
            {
                failedChecked++;
                var expected = status == OrderStatus.PaymentFailed ? PaymentStatus.Declined : (PaymentStatus?)null;
                if (record?.Status != expected || captureCount > 0)
                {
                    failedCharged.Add($"order {orderId} is {status.Value.ToWire()} but its ledger says {record?.Status.ToString() ?? "nothing"}");
                }
            }
        }

        return
        [
            new InvariantResult(
                "No order is charged twice",
                $"{captured} orders captured, none more than once (captures counted at the ledger: a first record accepted with status captured)",
                twice),
            new InvariantResult(
                "Every completed order was captured exactly once, for its total, and not refunded",
                $"{completed} completed orders",
                completedWrong),
            new InvariantResult(
                "Every order cancelled after payment is refunded",
                $"{cancelledAfterPayment} orders cancelled after their payment was captured, {refunded} refunded",
                unrefunded),
            new InvariantResult(
                "Failed orders hold no payment (declined, or never charged when out of stock)",
                $"{failedChecked} PAYMENT_FAILED or OUT_OF_STOCK orders checked against the ledger",
                failedCharged),
        ];
    }

    private static InvariantResult Decisions(Dictionary<string, IntentOutcome> intentByOrder, Dictionary<string, Order> stored)
    {
        var violations = new List<string>();
        foreach (var order in stored.Values)
        {
            if (!intentByOrder.TryGetValue(order.OrderId, out var outcome))
            {
                continue;
            }

            var intent = outcome.Intent;
            var approves = SimulatedPaymentGateway.Decide(intent.Token, new Core.Pricing.Money(0.01m, order.Currency)).Approved && !intent.OverLimit;
            var wrong = order.Status switch
            {
                OrderStatus.Completed => !approves,
                OrderStatus.PaymentFailed => approves,
                OrderStatus.OutOfStock => !intent.HasScarceLine,
                _ => false,
            };
            if (wrong)
            {
                violations.Add($"order {order.OrderId} ({intent.Token}, over limit: {intent.OverLimit}, scarce: {intent.HasScarceLine}) ended {order.Status.ToWire()}");
            }
        }

        var overLimit = intentByOrder.Values.Count(o => o.Intent.OverLimit);
        var overLimitFailed = stored.Values.Count(o => o.Status == OrderStatus.PaymentFailed && intentByOrder.TryGetValue(o.OrderId, out var i) && i.Intent.OverLimit);
        return new InvariantResult(
            "Outcomes match the cards and the stock",
            $"tokens: {string.Join(", ", intentByOrder.Values.GroupBy(o => o.Intent.Token).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}; {overLimit} orders over the 10,000 limit, {overLimitFailed} of them declined (the rest cancelled or out of stock first)",
            violations);
    }

    private static async Task<InvariantResult> InvoicesAsync(StorePorts stores, Dictionary<string, Order> stored, CancellationToken cancellationToken)
    {
        var violations = new List<string>();
        var completed = stored.Values.Where(o => o.Status == OrderStatus.Completed).ToList();
        foreach (var order in completed)
        {
            var pdf = await stores.Invoices.GetAsync(order.OrderId, cancellationToken).ConfigureAwait(false);
            if (!order.InvoiceAvailable || order.TrackingNumber is null || pdf is null || !pdf.AsSpan().StartsWith("%PDF-"u8))
            {
                violations.Add($"order {order.OrderId} completed without {(pdf is null ? "a stored invoice" : order.TrackingNumber is null ? "a tracking number" : !order.InvoiceAvailable ? "an invoice key" : "a PDF (the stored bytes do not start with %PDF-)")}");
            }
        }

        return new InvariantResult("Every completed order has its invoice and tracking number", $"{completed.Count} completed orders, {completed.Count - violations.Count} with a stored PDF invoice and a tracking number", violations);
    }

    private static InvariantResult DeadLetters(DispatchReport dispatch)
    {
        var firstRound = dispatch.DeadLetters.Count(d => d.Round == 0);
        var byCause = dispatch.DeadLetters.GroupBy(d => d.Cause.Split(':', 2)[0]).Select(g => $"{g.Count()} {g.Key}");
        return new InvariantResult(
            "No message is lost: every dead letter is listed with its cause, redriven and processed",
            $"{firstRound} of {dispatch.Messages} messages dead-lettered during the run{(firstRound > 0 ? $" ({string.Join(", ", byCause)})" : "")}, {dispatch.Redriven} redriven, {dispatch.DeadLettersLeft} left",
            dispatch.DeadLettersLeft == 0 ? [] : dispatch.DeadLetters.Where(d => d.Round == dispatch.DeadLetters.Max(x => x.Round)).Select(d => $"{d.Stage} {d.OrderId} {d.MessageId} after {d.ReceiveCount} receives: {d.Cause}").ToList());
    }

    // Each transition into a stage's status sends the order to that stage exactly once; a same-status write, made while
    // the order waited in the stage's queue, sends it nowhere.
    private static InvariantResult TransitionsOnly(DispatchReport dispatch, SameStatusWriter sameStatus, IReadOnlyDictionary<string, int> rewrites)
    {
        var entered = sameStatus.StatusesEntered();
        var violations = new List<string>();
        foreach (var stage in SystemTopology.Stages)
        {
            var expected = entered.GetValueOrDefault(stage.Trigger.Status!.Value);
            var routed = dispatch.Stages.Single(s => s.Stage == stage.Name).Changes;
            if (routed != expected)
            {
                violations.Add($"{stage.Name}: {routed} changes routed for {expected} transitions into {stage.Trigger.Status.Value.ToWire()}");
            }
        }

        return new InvariantResult(
            "A same-status write never sends an order to a stage again",
            $"{rewrites.Values.Sum()} same-status writes of {rewrites.Count} orders waiting in a stage's queue ({sameStatus.Missed} more found the stage done first); changes routed per stage equal the transitions into its status: {string.Join(", ", dispatch.Stages.Select(s => $"{s.Stage} {s.Changes}"))}",
            violations);
    }

    private static InvariantResult UnexpectedFailures(DispatchReport dispatch)
    {
        var unexpected = dispatch.FailureCauses.Where(c => c.Key is not ("transient" or "crash")).Select(c => $"{c.Value} x {c.Key}").Concat(dispatch.UnexpectedFailureSamples).ToList();
        return new InvariantResult(
            "Stages fail only from injected faults",
            $"{dispatch.FailureCauses.Values.Sum()} failed receives: {string.Join(", ", dispatch.FailureCauses.Select(c => $"{c.Key} {c.Value}"))}",
            unexpected);
    }
}
