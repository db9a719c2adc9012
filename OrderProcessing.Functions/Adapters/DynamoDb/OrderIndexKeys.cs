using System.Text;
using OrderProcessing.Core.Orders;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Functions.Adapters.DynamoDb;

/// <summary>
/// Key values of the orders indexes. An order's shard is a stable hash of its id, so every write of the order computes
/// the same shard without reading it, and orders spread evenly over the shards.
/// </summary>
internal static class OrderIndexKeys
{
    public static IndexSchema ByCustomer { get; } = StorageSchema.Orders.Index("byCustomer");

    public static IndexSchema ByStatus { get; } = StorageSchema.Orders.Index("byStatus");

    public static IndexSchema ByTime { get; } = StorageSchema.Orders.Index("byTime");

    /// <summary>Creation time then id: the total order "newest first" walks backwards. Ids never contain control characters, so <c>#</c> cannot be confused.</summary>
    public static string CreatedKey(DateTimeOffset createdAt, string orderId) => $"{StoredTime.ToText(createdAt)}#{orderId}";

    public static string StatusShard(OrderStatus status, int shard) => $"{status.ToWire()}#{shard}";

    public static string TimeShard(int shard) => $"all#{shard}";

    public static int ShardOf(string orderId, int shards)
    {
        // FNV-1a over UTF-8: fixed across processes and runtimes, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(orderId))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return (int)(hash % (uint)shards);
    }

    /// <summary>True when <paramref name="key"/> has the shape of <see cref="CreatedKey"/>.</summary>
    public static bool IsCreatedKey(string key)
    {
        var hash = key.IndexOf('#', StringComparison.Ordinal);
        if (hash <= 0 || hash == key.Length - 1)
        {
            return false;
        }

        try
        {
            StoredTime.Parse(key[..hash]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
