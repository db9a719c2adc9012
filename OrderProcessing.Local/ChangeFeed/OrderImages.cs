using System.Globalization;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Events.DynamoDb;
using OrderProcessing.Functions.Storage;

namespace OrderProcessing.Local.ChangeFeed;

/// <summary>
/// An order as a stream image carries it. Provisional: the attributes the pipes and stages read (key, status, version
/// and the emitted event), until the DynamoDB adapter's item mapping is available to give the whole item.
/// </summary>
public static class OrderImages
{
    /// <summary>The image of <paramref name="order"/>.</summary>
    public static IReadOnlyDictionary<string, DynamoDbAttributeValue> Of(OrderSnapshot order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new Dictionary<string, DynamoDbAttributeValue>(StringComparer.Ordinal)
        {
            [StorageSchema.Orders.PartitionKey.Name] = DynamoDbAttributeValue.String(order.OrderId),
            ["customerId"] = DynamoDbAttributeValue.String(order.CustomerId),
            ["status"] = DynamoDbAttributeValue.String(order.Status.ToWire()),
            ["version"] = DynamoDbAttributeValue.Number(order.Version.ToString(CultureInfo.InvariantCulture)),
            ["lastEventType"] = DynamoDbAttributeValue.String(order.LastEvent.Type),
            ["lastEventAt"] = DynamoDbAttributeValue.String(order.LastEvent.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
        };
    }
}
