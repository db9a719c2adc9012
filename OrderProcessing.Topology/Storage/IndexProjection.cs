namespace OrderProcessing.Topology.Storage;

/// <summary>Which attributes a global secondary index copies from the table.</summary>
public enum IndexProjection
{
    /// <summary>Every attribute (<c>ALL</c>): a Query on the index returns whole items, with no read of the table.</summary>
    All,

    /// <summary>
    /// Only the table and index keys (<c>KEYS_ONLY</c>): the index entry is rewritten only when a key changes, so items
    /// that change often do not make every write also a write to the index.
    /// </summary>
    KeysOnly,
}
