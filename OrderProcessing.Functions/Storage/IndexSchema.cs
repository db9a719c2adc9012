namespace OrderProcessing.Functions.Storage;

/// <summary>
/// A global secondary index. <see cref="WriteShards"/> above 1 means the partition key value is
/// suffixed with <c>#0..#n-1</c> so one popular value never becomes a hot partition; readers query every shard and merge.
/// </summary>
public sealed record IndexSchema(string Name, KeyAttribute PartitionKey, KeyAttribute SortKey, int WriteShards = 1);
