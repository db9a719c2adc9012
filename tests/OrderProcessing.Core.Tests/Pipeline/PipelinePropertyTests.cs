using FsCheck;
using FsCheck.Fluent;
using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;
using OrderProcessing.Core.Pipeline;
using OrderProcessing.Core.Tests.Support;

namespace OrderProcessing.Core.Tests.Pipeline;

/// <summary>
/// Generated schedules of deliveries (the next message owed, or any stage duplicated or out of order, crashing before
/// its write, or acting on a stale read), customer cancellations and operator failure moves, followed by the at-least-once deliveries the change
/// feed still owes. Whatever the schedule, the order ends terminal and the stock and money agree with its status.
/// </summary>
public class PipelinePropertyTests
{
    public enum Kind
    {
        DeliverNext,
        Deliver,
        DeliverStale,
        DeliverAndCrash,
        Cancel,
        OperatorFail,
    }

    private static readonly Gen<Step> Steps =
        from kind in Gen.Frequency(
            (6, Gen.Constant(Kind.DeliverNext)),
            (3, Gen.Constant(Kind.Deliver)),
            (3, Gen.Constant(Kind.DeliverStale)),
            (2, Gen.Constant(Kind.DeliverAndCrash)),
            (1, Gen.Constant(Kind.Cancel)),
            (1, Gen.Constant(Kind.OperatorFail)))
        from stage in Gen.Elements(PipelineStages.Names.ToArray())
        from back in Gen.Choose(1, 20)
        select new Step(kind, stage, back);

    private static readonly Gen<Scenario> Scenarios =
        from stock1 in Gen.Choose(0, 5)
        from stock2 in Gen.Choose(0, 5)
        from quantity1 in Gen.Choose(1, 3)
        from quantity2 in Gen.Choose(1, 3)
        from token in Gen.Elements(TestPaymentTokens.Visa, TestPaymentTokens.Declined, TestPaymentTokens.Flaky)
        from length in Gen.Choose(0, 20)
        from actions in Gen.ArrayOf(Steps, length)
        select new Scenario(stock1, stock2, quantity1, quantity2, token, actions);

    [FsCheck.NUnit.Property(MaxTest = 400)]
    public Property AnySchedule_EndsTerminal_WithStockAndMoneyMatchingTheStatus() =>
        Prop.ForAll(Scenarios.ToArbitrary(), scenario =>
        {
            var violation = RunAsync(scenario).GetAwaiter().GetResult();
            return (violation is null).Label(violation ?? "ok");
        });

    private static async Task<string?> RunAsync(Scenario s)
    {
        var system = new InMemorySystem();
        await system.StockAsync("sku-1", 1.25m, s.Stock1);
        await system.StockAsync("sku-2", 2.5m, s.Stock2);
        var request = new PlaceOrderRequestBuilder()
            .WithItems(new OrderLineRequest("sku-1", s.Quantity1), new OrderLineRequest("sku-2", s.Quantity2))
            .WithPaymentToken(s.Token)
            .Build();
        var orderId = (await system.PlaceAsync(request)).OrderId;
        var stages = new PipelineStages(system);
        var seen = new List<OrderSnapshot> { (await system.OrderAsync(orderId)).ToSnapshot() };

        // The change feed's messages not yet consumed: one per status entered, for that status's stage.
        var owed = new List<string>();
        var entered = 0;
        async Task TrackTransitionsAsync()
        {
            var history = (await system.OrderAsync(orderId)).History;
            foreach (var change in history.Skip(entered))
            {
                if (PipelineStages.RoutedTo(change.Status) is { } stage)
                {
                    owed.Add(stage);
                }
            }

            entered = history.Count;
        }

        // A delivery that returns consumed its message; one that throws leaves it for a retry.
        async Task DeliverAsync(string stage, IOrderStage handler)
        {
            if (await SucceedsAsync(handler.HandleAsync(orderId)))
            {
                owed.Remove(stage);
            }
        }

        await TrackTransitionsAsync();
        foreach (var action in s.Steps)
        {
            system.Clock.Advance(TimeSpan.FromSeconds(1));
            switch (action.Kind)
            {
                case Kind.DeliverNext when owed.Count > 0:
                    await DeliverAsync(owed[0], stages.Create(owed[0]));
                    break;
                case Kind.DeliverNext:
                    break;
                case Kind.Deliver:
                    await DeliverAsync(action.Stage, stages.Create(action.Stage));
                    break;
                case Kind.DeliverStale:
                    await DeliverAsync(action.Stage, stages.Create(action.Stage, new StaleReadOrderRepository(system.Orders, StaleRead(seen, action))));
                    break;
                case Kind.DeliverAndCrash:
                    await SucceedsAsync(stages.Create(action.Stage, new CrashingOrderRepository(system.Orders)).HandleAsync(orderId));
                    break;
                case Kind.Cancel:
                    await SucceedsAsync(system.Service.CancelAsync(orderId, "customer"));
                    break;
                default:
                    var failTo = (await system.OrderAsync(orderId)).Status == OrderStatus.Pending ? OrderStatus.OutOfStock : OrderStatus.PaymentFailed;
                    await SucceedsAsync(system.Service.MoveAsync(orderId, failTo));
                    break;
            }

            await TrackTransitionsAsync();
            seen.Add((await system.OrderAsync(orderId)).ToSnapshot());
        }

        // Every message still owed is delivered (again, after a retryable failure) until none is left.
        for (var delivery = 0; owed.Count > 0; delivery++)
        {
            if (delivery == 50)
            {
                return $"messages still owed after 50 deliveries: {string.Join(", ", owed)}";
            }

            system.Clock.Advance(TimeSpan.FromSeconds(1));
            await DeliverAsync(owed[0], stages.Create(owed[0]));
            await TrackTransitionsAsync();
        }

        return await ViolationAsync(system, orderId, s);
    }

    // A delivery that stalled after its read: it saw the order as it was up to Back steps ago, but never before the
    // order entered the status whose message woke the stage (reads are strongly consistent; the message cannot
    // exist earlier).
    private static OrderSnapshot StaleRead(List<OrderSnapshot> seen, Step action)
    {
        var entered = seen.FindIndex(o => o.Status == PipelineStages.Trigger[action.Stage]);
        var earliest = Math.Max(entered, seen.Count - action.Back);
        return seen[Math.Max(0, earliest)];
    }

    private static async Task<string?> ViolationAsync(InMemorySystem system, string orderId, Scenario s)
    {
        var order = await system.OrderAsync(orderId);
        var sku1 = await system.StockOfAsync("sku-1");
        var sku2 = await system.StockOfAsync("sku-2");
        var payment = await system.Ledger.GetAsync(orderId);
        var state = $"{order.Status.ToWire()}; sku-1 {sku1}; sku-2 {sku2}; payment {payment?.Status.ToString() ?? "none"}";

        if (sku1.Stocked != s.Stock1 || sku2.Stocked != s.Stock2)
        {
            return "stock not conserved: " + state;
        }

        if (!OrderTransitions.IsTerminal(order.Status))
        {
            return "not terminal after every owed delivery: " + state;
        }

        if (order.Status == OrderStatus.Completed)
        {
            var ok = sku1 == new StockLevel(s.Stock1 - s.Quantity1, 0, s.Quantity1)
                && sku2 == new StockLevel(s.Stock2 - s.Quantity2, 0, s.Quantity2)
                && payment is { Status: PaymentStatus.Captured }
                && payment.PaymentId == order.PaymentId
                && await system.Invoices.GetAsync(orderId) is not null;
            return ok ? null : "completed order without exactly its shipped stock, capture and invoice: " + state;
        }

        var holdsNothing = sku1 == new StockLevel(s.Stock1, 0, 0) && sku2 == new StockLevel(s.Stock2, 0, 0);
        var charged = payment is { Status: PaymentStatus.Captured };
        return holdsNothing && !charged ? null : "failed or cancelled order still holds stock or money: " + state;
    }

    // False for failures a queue would retry or a client would be told about; anything else fails the property.
    private static async Task<bool> SucceedsAsync(Task work)
    {
        try
        {
            await work;
            return true;
        }
        catch (Exception e) when (e is SimulatedCrashException or TransientFailureException or ConflictException)
        {
            return false;
        }
    }

    public sealed record Step(Kind Kind, string Stage, int Back)
    {
        public override string ToString() => Kind switch
        {
            Kind.DeliverNext or Kind.Cancel or Kind.OperatorFail => Kind.ToString(),
            Kind.DeliverStale => $"{Kind}({Stage}, {Back} back)",
            _ => $"{Kind}({Stage})",
        };
    }

    public sealed record Scenario(int Stock1, int Stock2, int Quantity1, int Quantity2, string Token, Step[] Steps)
    {
        public override string ToString() =>
            $"stock {Stock1}/{Stock2}, order {Quantity1}/{Quantity2}, {Token}: {string.Join(", ", Steps.Select(a => a.ToString()))}";
    }
}
