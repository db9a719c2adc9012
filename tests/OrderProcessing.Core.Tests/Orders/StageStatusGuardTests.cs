using System.Reflection;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Tests.Support;
using OrderProcessing.Testing.Orders;
using OrderProcessing.Testing.Time;

namespace OrderProcessing.Core.Tests.Orders;

/// <summary>
/// RESERVED, PAID, SHIPPED and COMPLETED record a stage's work, so an order reaches them only through that stage's named
/// method with its data: not by an operator, not without the data, and not by restoring a stored order that lacks it.
/// </summary>
public class StageStatusGuardTests
{
    private static readonly DateTimeOffset MoveTime = TestClock.Start.AddHours(1);

    // Each stage status, the status before it, and its method called with the given data.
    private static IEnumerable<TestCaseData> StageMethodsWithoutData()
    {
        foreach (var data in new[] { null, "" })
        {
            var shown = data is null ? "null" : "empty";
            yield return Case(OrderStatus.Paid, OrderStatus.Reserved, (o, t) => o.MarkPaid(data!, t), $"payment id {shown}");
            yield return Case(OrderStatus.Shipped, OrderStatus.Paid, (o, t) => o.MarkShipped(data!, t), $"tracking number {shown}");
            yield return Case(OrderStatus.Completed, OrderStatus.Shipped, (o, t) => o.MarkCompleted(data!, t), $"invoice key {shown}");
        }

        static TestCaseData Case(OrderStatus status, OrderStatus from, Action<Order, DateTimeOffset> move, string name) =>
            new TestCaseData(from, move).SetArgDisplayNames(status.ToWire(), name);
    }

    // A stored order in each stage status with one piece of the data it needs removed.
    private static IEnumerable<TestCaseData> SnapshotsMissingData()
    {
        yield return Case(OrderStatus.Paid, s => s with { PaymentId = null }, "payment id");
        yield return Case(OrderStatus.Paid, s => s with { PaymentId = "" }, "payment id");
        yield return Case(OrderStatus.Shipped, s => s with { PaymentId = null }, "payment id");
        yield return Case(OrderStatus.Shipped, s => s with { TrackingNumber = null }, "tracking number");
        yield return Case(OrderStatus.Completed, s => s with { PaymentId = null }, "payment id");
        yield return Case(OrderStatus.Completed, s => s with { TrackingNumber = null }, "tracking number");
        yield return Case(OrderStatus.Completed, s => s with { InvoiceKey = null }, "invoice key");

        // A status written over an earlier order's data, as a corrupt or hand-edited item would have it.
        yield return Case(OrderStatus.Reserved, s => s with { Status = OrderStatus.Paid }, "payment id");
        yield return Case(OrderStatus.Paid, s => s with { Status = OrderStatus.Shipped }, "tracking number");
        yield return Case(OrderStatus.Shipped, s => s with { Status = OrderStatus.Completed }, "invoice key");

        static TestCaseData Case(OrderStatus built, Func<OrderSnapshot, OrderSnapshot> damage, string missing) =>
            new TestCaseData(built, damage, missing).SetArgDisplayNames(built.ToWire(), missing);
    }

    [TestCaseSource(nameof(StageMethodsWithoutData))]
    public void StageMethod_WithoutItsData_IsRejected_AndChangesNothing(OrderStatus from, Action<Order, DateTimeOffset> move)
    {
        var order = new OrderBuilder().InStatus(from).Build();
        var before = order.ToSnapshot();

        Assert.Throws(Is.InstanceOf<ArgumentException>(), () => move(order, MoveTime));

        Snapshots.AssertEqual(order.ToSnapshot(), before);
    }

    [TestCase(OrderStatus.Pending, OrderStatus.Reserved)]
    [TestCase(OrderStatus.Reserved, OrderStatus.Paid)]
    [TestCase(OrderStatus.Paid, OrderStatus.Shipped)]
    [TestCase(OrderStatus.Shipped, OrderStatus.Completed)]
    public void StageStatus_CannotBeReachedByAnOperator(OrderStatus from, OrderStatus stageStatus)
    {
        var order = new OrderBuilder().InStatus(from).Build();

        Assert.Throws<OperatorMoveNotAllowedException>(() => order.GiveUp(stageStatus, "operator says so", MoveTime));

        Assert.That(order.Status, Is.EqualTo(from));
    }

    [TestCaseSource(nameof(SnapshotsMissingData))]
    public void FromSnapshot_OfAStageStatus_WithoutItsData_IsRejected(OrderStatus built, Func<OrderSnapshot, OrderSnapshot> damage, string missing)
    {
        var snapshot = damage(new OrderBuilder().InStatus(built).Build().ToSnapshot());

        var e = Assert.Throws<ArgumentException>(() => Order.FromSnapshot(snapshot));

        Assert.That(e.Message, Does.Contain(snapshot.Status.ToWire()).And.Contain($"no {missing}"));
    }

    [Test]
    public void FromSnapshot_OfAnOrderTheNamedMethodsMade_Restores([Values] OrderStatus status)
    {
        var order = new OrderBuilder().InStatus(status).Build();

        Snapshots.AssertEqual(Order.FromSnapshot(order.ToSnapshot()).ToSnapshot(), order.ToSnapshot());
    }

    [Test]
    public void FromSnapshot_OfAnOrderCancelledAfterPayment_KeepsItsPaymentId()
    {
        var order = new OrderBuilder().InStatus(OrderStatus.Paid).Build();
        order.Cancel("changed my mind", MoveTime);

        Assert.That(Order.FromSnapshot(order.ToSnapshot()).PaymentId, Is.EqualTo(OrderBuilder.PaymentId));
    }

    [Test]
    public void Order_HasNoPublicWayToSetAStatus_ButTheNamedMethodsAndGiveUp()
    {
        // Any public member taking a target status, other than GiveUp, would be a way around the stages' data.
        var takingAStatus = typeof(Order)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(OrderStatus)))
            .Select(m => m.Name);
        var setters = typeof(Order).GetProperties().Where(p => p.SetMethod is { IsPublic: true }).Select(p => p.Name);

        Assert.That(takingAStatus, Is.EquivalentTo(new[] { nameof(Order.GiveUp) }));
        Assert.That(setters, Is.Empty);
    }
}
