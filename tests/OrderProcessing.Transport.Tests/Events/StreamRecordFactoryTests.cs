using System.Text.Json;
using OrderProcessing.Core.Orders;
using OrderProcessing.Testing.Transport;
using OrderProcessing.Testing.Waiting;
using OrderProcessing.Transport.ChangeFeed;
using OrderProcessing.Transport.Events;

namespace OrderProcessing.Transport.Tests.Events;

/// <summary>Changes become the DynamoDB stream records (NEW_AND_OLD_IMAGES) that pipes forward to the stage queues.</summary>
public sealed class StreamRecordFactoryTests
{
    private readonly StreamRecordFactory _encoder = new(OrderImages.Of, "eu-west-1", "000000000000", "orderprocessing-local-orders");

    [Test]
    public void Transition_ToRecord_IsAModifyKeyedByOrderIdWithBothImages()
    {
        var before = Orders.At(OrderStatus.Reserved, "o-9");
        var after = Orders.At(OrderStatus.Paid, "o-9");

        using var record = JsonDocument.Parse(_encoder.Encode(new OrderChange(OrderChangeKind.Modify, "o-9", before.ToSnapshot(), after.ToSnapshot(), 7, after.UpdatedAt)));
        var root = record.RootElement;
        var change = root.GetProperty("dynamodb");

        Assert.That(root.GetProperty("eventName").GetString(), Is.EqualTo("MODIFY"));
        Assert.That(root.GetProperty("eventSource").GetString(), Is.EqualTo("aws:dynamodb"));
        Assert.That(root.GetProperty("awsRegion").GetString(), Is.EqualTo("eu-west-1"));
        Assert.That(root.GetProperty("eventSourceARN").GetString(), Does.StartWith("arn:aws:dynamodb:eu-west-1:000000000000:table/orderprocessing-local-orders/stream/"));
        Assert.That(change.GetProperty("Keys").GetProperty("orderId").GetProperty("S").GetString(), Is.EqualTo("o-9"));
        Assert.That(change.GetProperty("NewImage").GetProperty("status").GetProperty("S").GetString(), Is.EqualTo("PAID"));
        Assert.That(change.GetProperty("OldImage").GetProperty("status").GetProperty("S").GetString(), Is.EqualTo("RESERVED"));
        Assert.That(change.GetProperty("NewImage").GetProperty("lastEventType").GetProperty("S").GetString(), Is.EqualTo(after.LastEvent.Type));
        Assert.That(change.GetProperty("StreamViewType").GetString(), Is.EqualTo("NEW_AND_OLD_IMAGES"));
        Assert.That(change.GetProperty("SequenceNumber").GetString(), Is.EqualTo("000000000000000000007"));
    }

    [Test]
    public void InsertAndRemoval_ToRecord_HaveNoOldAndNoNewImageRespectively()
    {
        var order = Orders.Pending("o-1").ToSnapshot();

        using var insert = JsonDocument.Parse(_encoder.Encode(new OrderChange(OrderChangeKind.Insert, "o-1", null, order, 1, order.CreatedAt)));
        using var remove = JsonDocument.Parse(_encoder.Encode(new OrderChange(OrderChangeKind.Remove, "o-1", order, null, 2, order.CreatedAt)));

        Assert.That(insert.RootElement.GetProperty("eventName").GetString(), Is.EqualTo("INSERT"));
        Assert.That(Absent(insert.RootElement.GetProperty("dynamodb"), "OldImage"), Is.True);
        Assert.That(remove.RootElement.GetProperty("eventName").GetString(), Is.EqualTo("REMOVE"));
        Assert.That(Absent(remove.RootElement.GetProperty("dynamodb"), "NewImage"), Is.True);
    }

    private static bool Absent(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null;
}
