using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Testing.Orders;
using OrderProcessing.Testing.Transport;
using OrderProcessing.Topology.Storage;
using OrderProcessing.Transport.ChangeFeed;
using OrderProcessing.Transport.Events;

namespace OrderProcessing.Transport.Tests.Events;

/// <summary>The transport plays the stream's pipe: transitions become the envelope its input template writes; nothing else does.</summary>
public sealed class OrderEventEnvelopesTests
{
    [Test]
    public void Transition_ToEnvelope_HasTheValuesThePipeTakesFromTheStoredItem()
    {
        var order = Orders.At(OrderStatus.Paid, "o-9");
        var item = OrderItemMapper.ToItem(order.ToSnapshot());

        var envelope = OrderEventEnvelopes.ForChange(Orders.ChangeOf(order, 7))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(envelope.EventType, Is.EqualTo(item[OrderItemAttributes.LastEventType].S));
            Assert.That(envelope.OrderId, Is.EqualTo("o-9"));
            Assert.That(envelope.Status, Is.EqualTo(item[OrderItemAttributes.EnteredStatus].S).And.EqualTo("PAID"));
            Assert.That(envelope.OccurredAt, Is.EqualTo(item[OrderItemAttributes.LastEvent].M[OrderEventAttributes.At].S));
            Assert.That(envelope.Version, Is.EqualTo(item[OrderItemAttributes.Version].N).And.EqualTo("3"));
            Assert.That(envelope.SequenceNumber, Is.EqualTo("000000000000000000007"));
        }
    }

    [Test]
    public void Insert_ToEnvelope_IsTheCreatedEventInPending()
    {
        var envelope = OrderEventEnvelopes.ForChange(Orders.ChangeOf(Orders.Pending("o-1")))!;

        Assert.That((envelope.EventType, envelope.Status, envelope.Version), Is.EqualTo((OrderEventTypes.Created, "PENDING", "1")));
    }

    [Test]
    public void SameStatusWrite_ToEnvelope_IsNone()
    {
        var order = Orders.At(OrderStatus.Reserved);
        var rewritten = SameStatusWrite.Of(order);

        Assert.That(OrderEventEnvelopes.ForChange(new OrderChange(OrderChangeKind.Modify, order.OrderId, order.ToSnapshot(), rewritten.ToSnapshot(), 2, rewritten.UpdatedAt)), Is.Null);
    }

    [Test]
    public void Removal_ToEnvelope_IsNone()
    {
        var order = Orders.At(OrderStatus.Completed);

        Assert.That(OrderEventEnvelopes.ForChange(new OrderChange(OrderChangeKind.Remove, order.OrderId, order.ToSnapshot(), null, 2, order.UpdatedAt)), Is.Null);
    }
}
