using OrderProcessing.Core.Orders;
using OrderProcessing.Local.ChangeFeed;

namespace OrderProcessing.Local.Tests.Support;

/// <summary>A stand-in stream record: <c>orderId|STATUS|sequence</c>, enough for a fake stage to recognise a message.</summary>
internal sealed class PlainRecordEncoder : IStreamRecordEncoder
{
    public string Encode(OrderChange change) => $"{change.OrderId}|{change.NewStatus?.ToWire()}|{change.SequenceNumber}";
}
