using OrderProcessing.Transport.ChangeFeed;

namespace OrderProcessing.Transport.Events;

/// <summary>Turns a change into the message body a pipe forwards to a stage queue: the DynamoDB stream record as JSON.</summary>
public interface IStreamRecordEncoder
{
    /// <summary>The stream record of <paramref name="change"/>.</summary>
    string Encode(OrderChange change);
}
