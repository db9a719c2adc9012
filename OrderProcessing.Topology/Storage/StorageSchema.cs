namespace OrderProcessing.Topology.Storage;

/// <summary>
/// The whole storage schema. The DynamoDB and S3 adapters take their key and index names from here and the Pulumi
/// program creates exactly these tables and buckets.
/// </summary>
public static class StorageSchema
{
    private static readonly KeyAttribute S = new("", AttributeKind.String);

    /// <summary>
    /// Orders: one item per order, streamed to the pipeline. Indexes serve every list route newest first and project every
    /// attribute, so a page is one Query per shard. <c>byStatus</c> and <c>byTime</c> are write-sharded: every new order
    /// enters <c>PENDING</c> and every order is in the time index, so unsharded each would put the whole write rate on one
    /// index partition (about 1,000 writes per second), and index throttling throttles the table. A deleted order leaves
    /// a tombstone that the time to live removes once no <c>Idempotency-Key</c> can reach its id any more.
    /// </summary>
    public static TableSchema Orders { get; } = new(
        LogicalName: "orders",
        EnvironmentVariable: "ORDERS_TABLE",
        PartitionKey: S with { Name = OrderItemAttributes.OrderId },
        SortKey: null,
        Indexes:
        [
            new IndexSchema("byCustomer", S with { Name = OrderItemAttributes.CustomerId }, S with { Name = OrderItemAttributes.CreatedKey }),
            new IndexSchema("byStatus", S with { Name = OrderItemAttributes.StatusShard }, S with { Name = OrderItemAttributes.CreatedKey }, WriteShards: 8),
            new IndexSchema("byTime", S with { Name = OrderItemAttributes.TimeShard }, S with { Name = OrderItemAttributes.CreatedKey }, WriteShards: 8),
        ],
        TimeToLiveAttribute: OrderItemAttributes.ExpiresAt,
        Stream: StreamView.NewAndOldImages);

    /// <summary>
    /// Products: catalog entry, stock counters and the per-order reservation ledger in one item, so each stock change is one
    /// conditional write. The <c>listing</c> index is keys-only on one constant partition: stock changes do not touch it
    /// (only product creation does), and a page reads the products by key.
    /// </summary>
    public static TableSchema Products { get; } = new(
        LogicalName: "products",
        EnvironmentVariable: "PRODUCTS_TABLE",
        PartitionKey: S with { Name = ProductItemAttributes.ProductId },
        SortKey: null,
        Indexes:
        [
            new IndexSchema("listing", S with { Name = ProductItemAttributes.ListPartition }, S with { Name = ProductItemAttributes.ProductId }, Projection: IndexProjection.KeysOnly),
        ],
        TimeToLiveAttribute: null,
        Stream: null);

    /// <summary>Payments: the simulated gateway's ledger, one item per order, so a redelivered charge never captures twice.</summary>
    public static TableSchema Payments { get; } = new(
        LogicalName: "payments",
        EnvironmentVariable: "PAYMENTS_TABLE",
        PartitionKey: S with { Name = PaymentItemAttributes.OrderId },
        SortKey: null,
        Indexes: [],
        TimeToLiveAttribute: null,
        Stream: null);

    /// <summary>Idempotency records of <c>POST /orders</c>, expired by time to live.</summary>
    public static TableSchema Idempotency { get; } = new(
        LogicalName: "idempotency",
        EnvironmentVariable: "IDEMPOTENCY_TABLE",
        PartitionKey: S with { Name = IdempotencyItemAttributes.IdempotencyKey },
        SortKey: null,
        Indexes: [],
        TimeToLiveAttribute: IdempotencyItemAttributes.ExpiresAt,
        Stream: null);

    /// <summary>Private bucket of invoice PDFs, read through short-lived presigned links.</summary>
    public static BucketSchema Invoices { get; } = new("invoices", "INVOICES_BUCKET", "invoices/");

    /// <summary>Every table, in a stable order.</summary>
    public static IReadOnlyList<TableSchema> Tables { get; } = [Orders, Products, Payments, Idempotency];

    /// <summary>Every bucket.</summary>
    public static IReadOnlyList<BucketSchema> Buckets { get; } = [Invoices];
}
