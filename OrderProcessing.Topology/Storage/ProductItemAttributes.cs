namespace OrderProcessing.Topology.Storage;

/// <summary>
/// Attribute names of a product item: catalog entry, stock counters and the per-order reservation ledger in one item, so
/// every stock change is one conditional UpdateItem (no transactions needed).
/// </summary>
public static class ProductItemAttributes
{
    /// <summary>Table partition key (S); also the sort key of the <c>listing</c> index.</summary>
    public const string ProductId = "productId";

    /// <summary>Display name (S).</summary>
    public const string Name = "name";

    /// <summary>Unit price in <see cref="Currency"/> (N).</summary>
    public const string UnitPrice = "unitPrice";

    /// <summary>ISO 4217 code (S).</summary>
    public const string Currency = "currency";

    /// <summary>Units that can be reserved (N, never negative).</summary>
    public const string Available = "available";

    /// <summary>Units held by live reservations (N).</summary>
    public const string Reserved = "reserved";

    /// <summary>Units shipped (N).</summary>
    public const string Shipped = "shipped";

    /// <summary>
    /// Reservation ledger (M): order id to <c>{ q: N quantity, s: S reserved|released|shipped, t: N epoch seconds of the
    /// last change }</c>. Holds live reservations plus recently settled ones; see the inventory adapter (DynamoDbInventory) for the bound.
    /// </summary>
    public const string Ledger = "ledger";

    /// <summary>Partition key of the <c>listing</c> index (S), one constant value: the index is keys-only, so only product creation writes it.</summary>
    public const string ListPartition = "listPartition";
}
