using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Tests.Support;
using OrderProcessing.Testing.Orders;
using OrderProcessing.Testing.Time;

namespace OrderProcessing.Core.Tests.Orders;

/// <summary>The lifecycle of section 2 of the design, checked over every one of the 8 x 8 (from, to) status pairs.</summary>
public class OrderTransitionTests
{
    // The design's table, written out independently of OrderTransitions so the two are compared, not copied.
    private static readonly Dictionary<(OrderStatus From, OrderStatus To), string> Lifecycle = new()
    {
        [(OrderStatus.Pending, OrderStatus.Reserved)] = "order_updated",
        [(OrderStatus.Pending, OrderStatus.OutOfStock)] = "order_failed",
        [(OrderStatus.Reserved, OrderStatus.Paid)] = "order_updated",
        [(OrderStatus.Reserved, OrderStatus.PaymentFailed)] = "order_failed",
        [(OrderStatus.Paid, OrderStatus.Shipped)] = "order_shipped",
        [(OrderStatus.Shipped, OrderStatus.Completed)] = "order_completed",
        [(OrderStatus.Pending, OrderStatus.Cancelled)] = "order_cancelled",
        [(OrderStatus.Reserved, OrderStatus.Cancelled)] = "order_cancelled",
        [(OrderStatus.Paid, OrderStatus.Cancelled)] = "order_cancelled",
    };

    private static readonly OrderStatus[] Terminal = [OrderStatus.OutOfStock, OrderStatus.PaymentFailed, OrderStatus.Completed, OrderStatus.Cancelled];

    private static readonly DateTimeOffset MoveTime = TestClock.Start.AddHours(1);

    private static IEnumerable<TestCaseData> AllowedMoves() =>
        Lifecycle.Select(p => new TestCaseData(p.Key.From, p.Key.To, p.Value).SetArgDisplayNames(p.Key.From.ToWire(), p.Key.To.ToWire()));

    private static IEnumerable<TestCaseData> ForbiddenMoves() =>
        from source in Enum.GetValues<OrderStatus>()
        from target in Enum.GetValues<OrderStatus>()
        where !Lifecycle.ContainsKey((source, target))
        select new TestCaseData(source, target).SetArgDisplayNames(source.ToWire(), target.ToWire());

    [Test]
    public void Table_CoversAllSixtyFourPairs_NineAllowedFiftyFiveForbidden()
    {
        Assert.That(AllowedMoves().Count() + ForbiddenMoves().Count(), Is.EqualTo(64));
        Assert.That(ForbiddenMoves().Count(), Is.EqualTo(55));
        Assert.That(OrderTransitions.Allowed, Is.EquivalentTo(Lifecycle.Keys));
    }

    [TestCaseSource(nameof(AllowedMoves))]
    public void AllowedMove_ChangesStatus_BumpsVersion_AppendsHistory_AndEmitsItsEvent(OrderStatus from, OrderStatus to, string eventType)
    {
        var order = new OrderBuilder().InStatus(from).Build();
        var version = order.Version;
        var history = order.History.ToList();

        var reason = MoveByItsMethod(order, to, MoveTime);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(OrderTransitions.IsAllowed(from, to), Is.True);
            Assert.That(order.Status, Is.EqualTo(to));
            Assert.That(order.Version, Is.EqualTo(version + 1));
            Assert.That(order.UpdatedAt, Is.EqualTo(MoveTime));
            Assert.That(order.History, Is.EqualTo(history.Append(new StatusChange(to, MoveTime, reason))));
            Assert.That(order.PreviousStatus, Is.EqualTo(from));
            Assert.That(order.LastEvent, Is.EqualTo(new OrderEvent(eventType, order.OrderId, to, from, version + 1, MoveTime, reason)));
            Assert.That(OrderTransitions.EventFor(from, to), Is.EqualTo(eventType));
        }
    }

    [TestCaseSource(nameof(ForbiddenMoves))]
    public void ForbiddenMove_ThrowsInvalidTransition_AndChangesNothing(OrderStatus from, OrderStatus to)
    {
        var order = new OrderBuilder().InStatus(from).Build();
        var before = order.ToSnapshot();

        var e = Assert.Throws<InvalidTransitionException>(() => MoveByItsMethod(order, to, MoveTime));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(OrderTransitions.IsAllowed(from, to), Is.False);
            Assert.That(e.From, Is.EqualTo(from));
            Assert.That(e.To, Is.EqualTo(to));
            Assert.That(e.Message, Does.Contain(from.ToWire()).And.Contain(to.ToWire()));
            Snapshots.AssertEqual(order.ToSnapshot(), before);
        }
    }

    [TestCaseSource(nameof(ForbiddenMoves))]
    public void ForbiddenMove_HasNoEvent(OrderStatus from, OrderStatus to) =>
        Assert.Throws<InvalidTransitionException>(() => OrderTransitions.EventFor(from, to));

    [TestCase(OrderStatus.Pending, false)]
    [TestCase(OrderStatus.Reserved, false)]
    [TestCase(OrderStatus.Paid, false)]
    [TestCase(OrderStatus.Shipped, false)]
    [TestCase(OrderStatus.OutOfStock, true)]
    [TestCase(OrderStatus.PaymentFailed, true)]
    [TestCase(OrderStatus.Completed, true)]
    [TestCase(OrderStatus.Cancelled, true)]
    public void IsTerminal_ExactlyForCompletedOutOfStockPaymentFailedAndCancelled(OrderStatus status, bool terminal) =>
        Assert.That(OrderTransitions.IsTerminal(status), Is.EqualTo(terminal));

    [TestCaseSource(nameof(Terminal))]
    public void TerminalOrder_CannotMoveAnywhere(OrderStatus status)
    {
        var order = new OrderBuilder().InStatus(status).Build();

        foreach (var to in Enum.GetValues<OrderStatus>())
        {
            Assert.Throws<InvalidTransitionException>(() => MoveByItsMethod(order, to, MoveTime), $"{status.ToWire()} -> {to.ToWire()}");
            Assert.Throws<InvalidTransitionException>(() => order.GiveUp(to, "try", MoveTime), $"operator: {status.ToWire()} -> {to.ToWire()}");
        }

        Assert.That(order.Status, Is.EqualTo(status));
    }

    [TestCase(OrderStatus.Pending)]
    [TestCase(OrderStatus.Reserved)]
    [TestCase(OrderStatus.Paid)]
    public void Cancel_IsAllowedUntilShipping(OrderStatus status)
    {
        var order = new OrderBuilder().InStatus(status).Build();

        order.Cancel("changed my mind", MoveTime);

        Assert.That(order.LastEvent.Type, Is.EqualTo(OrderEventTypes.Cancelled));
    }

    [TestCase(OrderStatus.Shipped)]
    [TestCase(OrderStatus.Completed)]
    public void Cancel_AfterShipping_IsRejected(OrderStatus status)
    {
        var order = new OrderBuilder().InStatus(status).Build();

        Assert.Throws<InvalidTransitionException>(() => order.Cancel("too late", MoveTime));
    }

    [Test]
    public void OperatorMoves_AreExactlyTheMovesThatGiveAnOrderUp()
    {
        // Written out from the design, not copied: every move to a terminal status other than COMPLETED.
        var giveUps = new[]
        {
            (OrderStatus.Pending, OrderStatus.OutOfStock),
            (OrderStatus.Reserved, OrderStatus.PaymentFailed),
            (OrderStatus.Pending, OrderStatus.Cancelled),
            (OrderStatus.Reserved, OrderStatus.Cancelled),
            (OrderStatus.Paid, OrderStatus.Cancelled),
        };

        Assert.That(OrderTransitions.OperatorMoves, Is.EquivalentTo(giveUps));
        Assert.That(
            OrderTransitions.OperatorMoves,
            Is.EquivalentTo(Lifecycle.Keys.Where(m => OrderTransitions.IsTerminal(m.To) && m.To != OrderStatus.Completed)));
    }

    [TestCaseSource(nameof(AllowedMoves))]
    public void IsOperatorMove_OnlyForMovesThatGiveAnOrderUp(OrderStatus from, OrderStatus to, string eventType)
    {
        var givesUp = to is OrderStatus.OutOfStock or OrderStatus.PaymentFailed or OrderStatus.Cancelled;

        Assert.That(OrderTransitions.IsOperatorMove(from, to), Is.EqualTo(givesUp), eventType);
    }

    [TestCaseSource(nameof(ForbiddenMoves))]
    public void IsOperatorMove_NeverForAMoveTheLifecycleForbids(OrderStatus from, OrderStatus to) =>
        Assert.That(OrderTransitions.IsOperatorMove(from, to), Is.False);

    [Test]
    public void OperatorTable_SplitsTheSixtyFourPairs_FiveGiveUpsFourStageMovesFiftyFiveForbidden()
    {
        Assert.That(GiveUps().Count(), Is.EqualTo(5));
        Assert.That(StageMoves().Count(), Is.EqualTo(4));
        Assert.That(GiveUps().Count() + StageMoves().Count() + ForbiddenMoves().Count(), Is.EqualTo(64));
    }

    [TestCaseSource(nameof(GiveUps))]
    public void GiveUp_ToAGiveUpTarget_TheLifecycleAllows_MovesTheOrder_AndRecordsTheReason(OrderStatus from, OrderStatus to)
    {
        var order = new OrderBuilder().InStatus(from).Build();
        var version = order.Version;

        order.GiveUp(to, "operator gave it up", MoveTime);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(order.Status, Is.EqualTo(to));
            Assert.That(order.Version, Is.EqualTo(version + 1));
            Assert.That(order.History[^1], Is.EqualTo(new StatusChange(to, MoveTime, "operator gave it up")));
            Assert.That(order.LastEvent, Is.EqualTo(new OrderEvent(Lifecycle[(from, to)], order.OrderId, to, from, version + 1, MoveTime, "operator gave it up")));
        }
    }

    [TestCaseSource(nameof(StageMoves))]
    public void GiveUp_ToAStatusThatRecordsAStagesWork_ThrowsOperatorMoveNotAllowed_NamingTheStage_AndChangesNothing(OrderStatus from, OrderStatus to)
    {
        var order = new OrderBuilder().InStatus(from).Build();
        var before = order.ToSnapshot();
        var stages = new Dictionary<OrderStatus, string> { [from] = "the-stage" };

        var named = Assert.Throws<OperatorMoveNotAllowedException>(() => order.GiveUp(to, "operator says so", MoveTime, stages));
        var unnamed = Assert.Throws<OperatorMoveNotAllowedException>(() => order.GiveUp(to, "operator says so", MoveTime));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((named.From, named.To, named.Stage), Is.EqualTo((from, to, "the-stage")));
            Assert.That((unnamed.From, unnamed.To, unnamed.Stage), Is.EqualTo((from, to, (string?)null)));
            Snapshots.AssertEqual(order.ToSnapshot(), before);
        }
    }

    [TestCaseSource(nameof(ForbiddenMoves))]
    public void GiveUp_AlongAMoveTheLifecycleForbids_ThrowsInvalidTransition_AndChangesNothing(OrderStatus from, OrderStatus to)
    {
        var order = new OrderBuilder().InStatus(from).Build();
        var before = order.ToSnapshot();

        var e = Assert.Throws<InvalidTransitionException>(() => order.GiveUp(to, "operator says so", MoveTime));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((e.From, e.To), Is.EqualTo((from, to)));
            Snapshots.AssertEqual(order.ToSnapshot(), before);
        }
    }

    // The design: "An operator may only give an order up (to OUT_OF_STOCK, PAYMENT_FAILED or CANCELLED); a move that
    // records a stage's work is made only by that stage".
    private static bool GivesUp(OrderStatus to) => to is OrderStatus.OutOfStock or OrderStatus.PaymentFailed or OrderStatus.Cancelled;

    private static IEnumerable<TestCaseData> GiveUps() =>
        Lifecycle.Keys.Where(m => GivesUp(m.To)).Select(m => new TestCaseData(m.From, m.To).SetArgDisplayNames(m.From.ToWire(), m.To.ToWire()));

    private static IEnumerable<TestCaseData> StageMoves() =>
        Lifecycle.Keys.Where(m => !GivesUp(m.To)).Select(m => new TestCaseData(m.From, m.To).SetArgDisplayNames(m.From.ToWire(), m.To.ToWire()));

    // Makes the move the way the code that owns it does: a stage's named method with its data, a cancel request, or (for
    // PENDING, which no method enters) an operator's move. Returns the reason the move records.
    private static string MoveByItsMethod(Order order, OrderStatus to, DateTimeOffset at)
    {
        switch (to)
        {
            case OrderStatus.Reserved:
                order.MarkReserved(at);
                return "stock reserved";
            case OrderStatus.OutOfStock:
                order.MarkOutOfStock("not enough stock of 'sku-1' for 2", at);
                return "not enough stock of 'sku-1' for 2";
            case OrderStatus.Paid:
                order.MarkPaid("pay_1", at);
                return "payment captured";
            case OrderStatus.PaymentFailed:
                order.MarkPaymentFailed("card declined", at);
                return "card declined";
            case OrderStatus.Shipped:
                order.MarkShipped("OP1", at);
                return "shipped, tracking OP1";
            case OrderStatus.Completed:
                order.MarkCompleted("invoices/ord_test.pdf", at);
                return "invoice issued";
            case OrderStatus.Cancelled:
                order.Cancel("changed my mind", at);
                return "changed my mind";
            default:
                order.GiveUp(to, "operator says so", at);
                return "operator says so";
        }
    }
}
