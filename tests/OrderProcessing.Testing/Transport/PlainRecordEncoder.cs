using OrderProcessing.Core.Orders;
using OrderProcessing.Transport.ChangeFeed;

using OrderProcessing.Transport.Events;

namespace OrderProcessing.Testing.Transport;

/// <summary>A stand-in stream record: <c>orderId|STATUS|sequence</c>, enough for a fake stage to recognise a message.</summary>
public sealed class PlainRecordEncoder : IStreamRecordEncoder
{
    public string Encode(OrderChange change) => $"{change.OrderId}|{change.NewStatus?.ToWire()}|{change.SequenceNumber}";
}
