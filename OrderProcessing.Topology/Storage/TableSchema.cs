namespace OrderProcessing.Topology.Storage;

/// <summary>
/// One DynamoDB table as data: read by the adapters (key and index names), by the local host (to create tables)
/// and by the Pulumi program (to deploy exactly this), so code and infrastructure cannot drift.
/// </summary>
/// <param name="LogicalName">Stable short name used in resource names and the topology (for example <c>orders</c>).</param>
/// <param name="EnvironmentVariable">The setting that carries the physical table name to the functions.</param>
/// <param name="PartitionKey">The table's partition key.</param>
/// <param name="SortKey">The table's sort key, if any.</param>
/// <param name="Indexes">Global secondary indexes, every one a Query path of the adapters.</param>
/// <param name="TimeToLiveAttribute">Epoch-seconds attribute that expires items, if any.</param>
/// <param name="Stream">The change stream that feeds the pipeline, if any.</param>
public sealed record TableSchema(
    string LogicalName,
    string EnvironmentVariable,
    KeyAttribute PartitionKey,
    KeyAttribute? SortKey,
    IReadOnlyList<IndexSchema> Indexes,
    string? TimeToLiveAttribute,
    StreamView? Stream)
{
    /// <summary>Every attribute that appears in a key of the table or one of its indexes, once each.</summary>
    public IReadOnlyList<KeyAttribute> KeyAttributes =>
        new[] { PartitionKey }
            .Concat(SortKey is null ? [] : [SortKey])
            .Concat(Indexes.SelectMany(i => new[] { i.PartitionKey, i.SortKey }))
            .DistinctBy(a => a.Name)
            .ToList();

    /// <summary>The index with this name; throws if the schema does not declare it.</summary>
    public IndexSchema Index(string name) =>
        Indexes.FirstOrDefault(i => i.Name == name)
        ?? throw new InvalidOperationException($"Table '{LogicalName}' declares no index '{name}'.");
}
