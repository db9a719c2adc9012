namespace OrderProcessing.Topology.Storage;

/// <summary>
/// A global secondary index. <see cref="WriteShards"/> above 1 means the partition key value is
/// suffixed with <c>#0..#n-1</c> so one popular value never becomes a hot partition; readers query every shard and merge.
/// </summary>
/// <param name="Name">The index name every Query of the adapters names.</param>
/// <param name="PartitionKey">The index partition key.</param>
/// <param name="SortKey">The index sort key.</param>
/// <param name="WriteShards">How many partition key values one logical value is spread over (1: not sharded).</param>
/// <param name="Projection">The attributes the index copies; the adapters rely on it (whole items, or keys then a batch read).</param>
public sealed record IndexSchema(string Name, KeyAttribute PartitionKey, KeyAttribute SortKey, int WriteShards = 1, IndexProjection Projection = IndexProjection.All);
