namespace OrderProcessing.Reliability.BadInput;

/// <summary>Watches the stores behind the API: writes that reached them, and a snapshot of their contents to compare.</summary>
internal interface IStoreProbe
{
    /// <summary>Store writes so far.</summary>
    long Writes { get; }

    /// <summary>A compact, comparable picture of everything stored.</summary>
    Task<string> SnapshotAsync(CancellationToken cancellationToken = default);
}
