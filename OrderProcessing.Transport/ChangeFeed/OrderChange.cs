using OrderProcessing.Core.Orders;

namespace OrderProcessing.Transport.ChangeFeed;

/// <summary>
/// One successful write of an order, as the orders table's stream reports it: the images before and after the write
/// (the old image is null for an insert, and also when the feed could not read it; the new image is null for a removal).
/// </summary>
/// <param name="Kind">Insert, modify or remove.</param>
/// <param name="OrderId">The order written.</param>
/// <param name="OldImage">The order before the write, if known.</param>
/// <param name="NewImage">The order after the write.</param>
/// <param name="SequenceNumber">Increases with every change the feed raises, like a stream's sequence number.</param>
/// <param name="At">When the write was observed.</param>
public sealed record OrderChange(
    OrderChangeKind Kind,
    string OrderId,
    OrderSnapshot? OldImage,
    OrderSnapshot? NewImage,
    long SequenceNumber,
    DateTimeOffset At)
{
    /// <summary>The status the order entered with this write, or null for a removal.</summary>
    public OrderStatus? NewStatus => NewImage?.Status;
}
