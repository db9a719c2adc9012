namespace OrderProcessing.Reliability.Stores;

/// <summary>Creates fresh, empty stores for a run: in memory, or tables and a bucket on local DynamoDB and S3 servers.</summary>
internal interface IStoreProvider
{
    /// <summary>Short name for reports (<c>in-memory</c>, <c>dynalite</c>).</summary>
    string Name { get; }

    /// <summary>New, empty stores.</summary>
    Task<StorePorts> CreateAsync(TimeProvider clock, CancellationToken cancellationToken = default);
}
