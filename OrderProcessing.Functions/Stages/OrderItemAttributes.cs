using OrderProcessing.Functions.Storage;

namespace OrderProcessing.Functions.Stages;

/// <summary>The names of the order item's attributes a stage reads from a stream record.</summary>
internal static class OrderItemAttributes
{
    /// <summary>The order id: the orders table's partition key, so always in the record's <c>Keys</c>.</summary>
    public static string OrderId => StorageSchema.Orders.PartitionKey.Name;

    /// <summary>The order's status wire name (<c>PENDING</c>), the attribute the pipes filter on.</summary>
    public const string Status = "status";
}
