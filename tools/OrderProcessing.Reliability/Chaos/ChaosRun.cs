using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using OrderProcessing.Core.Invoices;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Core.Shipping;
using OrderProcessing.Reliability.Dispatch;
using OrderProcessing.Reliability.Faults;
using OrderProcessing.Reliability.Payments;
using OrderProcessing.Reliability.Stores;
using OrderProcessing.Reliability.Time;
using OrderProcessing.Transport.ChangeFeed;
using OrderProcessing.Transport.Invocation;

namespace OrderProcessing.Reliability.Chaos;

/// <summary>
/// One fault-injection run of the whole pipeline in process: stock the catalog, place the orders through the API
/// while the chaos dispatcher delivers every change (duplicated, reordered, batched, retried) to the stages, with
/// transient failures, crashes after side effects, stalls, cancellations and same-status writes (made while the order
/// waits in a stage's queue) racing the stages; drain until quiet;
/// then check every invariant on the stores.
/// </summary>
internal static class ChaosRun
{
    /// <summary>Runs <paramref name="options"/> on fresh stores from <paramref name="stores"/>, with the system built by <paramref name="host"/>.</summary>
    public static async Task<ChaosReport> RunAsync(IStoreProvider stores, ISystemHost host, ChaosOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        var clock = new SteppingClock();
        var raw = await stores.CreateAsync(clock, cancellationToken).ConfigureAwait(false);
        var workload = ChaosWorkload.Generate(options);
        foreach (var item in workload.Catalog)
        {
            await raw.Catalog.UpsertAsync(item.ProductId, item.Name, new Money(item.UnitPrice, Currency.From(ChaosWorkload.Currency)), item.Stock, cancellationToken).ConfigureAwait(false);
        }

        // Decorators, innermost first: capture counting and the change feed sit on the stores (they see what was
        // stored), the fault decorators outside them (a crash after a write still emits the change).
        var faults = new PortFaults(options.Faults with { Seed = options.Seed });
        var captures = new CaptureCountingLedger(raw.Ledger);
        var ticks = new LogicalClock();
        var changes = new OrderChangeFeed(ticks, NullLogger<OrderChangeFeed>.Instance);
        var feed = new ChangeFeedOrderRepository(raw.Orders, changes);
        var ledger = new FaultyPaymentLedger(captures, faults);
        var ports = new HostPorts(
            new FaultyOrderRepository(feed, faults),
            new FaultyCatalog(raw.Catalog, faults),
            new FaultyInventory(raw.Inventory, faults),
            ledger,
            new FaultyPaymentGateway(new SimulatedPaymentGateway(ledger, clock), faults),
            new FaultyShippingCarrier(new SimulatedCarrier(), faults),
            new FaultyInvoiceStore(raw.Invoices, faults),
            new PdfInvoiceRenderer(),
            new FaultyIdempotencyStore(raw.Idempotency, faults),
            new SeededIdGenerator(options.Seed),
            clock,
            new OrderServiceOptions { SettlingPeriod = options.SettlingPeriod });

        var failures = new StageFailureLog();
        using var dispatcher = new ChaosPipeline(host.CreateStages(ports, failures), failures, options.Dispatch with { Delivery = options.Dispatch.Delivery with { Seed = options.Seed } }, ticks);
        changes.Subscribe(dispatcher);
        var sameStatus = new SameStatusWriter(feed, dispatcher, clock, options.SameStatusWriteRate, options.Seed);
        changes.Subscribe(sameStatus);
        faults.Clock = dispatcher.Clock;
        dispatcher.Clock.Advanced = ticks => clock.Advance(TimeSpan.FromTicks(ticks * options.TickDuration.Ticks));
        var client = new ChaosClient(host.CreateApi(ports), dispatcher, workload.Orders);
        faults.BeforeStageCall = client.BeforeStageCallAsync;
        client.SchedulePlacements(options.PlaceEveryTicks);

        await dispatcher.DrainAsync(cancellationToken).ConfigureAwait(false);

        // Dead letters raise an alarm in AWS; the runbook redrives them. Faults stay on while they are processed.
        for (var round = 0; round < options.MaxRedriveRounds && dispatcher.DeadLettersWaiting > 0; round++)
        {
            dispatcher.RedriveDeadLetters();
            await dispatcher.DrainAsync(cancellationToken).ConfigureAwait(false);
        }

        client.MarkUnreachedCancellations();

        var dispatch = dispatcher.Report();
        var invariants = await InvariantChecker.CheckAsync(workload, client.Outcomes, raw, captures, dispatch, sameStatus, cancellationToken).ConfigureAwait(false);
        return new ChaosReport(raw.Name, host.Name, options, dispatch, faults.Counts, client.Outcomes, invariants, clock.GetUtcNow() - SteppingClock.Start, watch.Elapsed);
    }
}
