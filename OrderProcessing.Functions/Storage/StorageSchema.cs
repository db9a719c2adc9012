namespace OrderProcessing.Functions.Storage;

/// <summary>
/// The whole storage schema. The DynamoDB and S3 adapters take their key and index names from here and the Pulumi
/// program creates exactly these tables and buckets.
/// </summary>
public static class StorageSchema
{
    private static readonly KeyAttribute S = new("", AttributeKind.String);

    /// <summary>Orders: one item per order, streamed to the pipeline. Indexes serve every list route newest first.</summary>
    public static TableSchema Orders { get; } = new(
        LogicalName: "orders",
        EnvironmentVariable: "ORDERS_TABLE",
        PartitionKey: S with { Name = "orderId" },
        SortKey: null,
        Indexes:
        [
            new IndexSchema("byCustomer", S with { Name = "customerId" }, S with { Name = "createdKey" }),
            new IndexSchema("byStatus", S with { Name = "statusShard" }, S with { Name = "createdKey" }, WriteShards: 8),
            new IndexSchema("byTime", S with { Name = "timeShard" }, S with { Name = "createdKey" }, WriteShards: 8),
        ],
        TimeToLiveAttribute: null,
        Stream: StreamView.NewAndOldImages);

    /// <summary>Products: catalog entry, stock counters and the per-order reservation ledger in one item, so each stock change is one conditional write.</summary>
    public static TableSchema Products { get; } = new(
        LogicalName: "products",
        EnvironmentVariable: "PRODUCTS_TABLE",
        PartitionKey: S with { Name = "productId" },
        SortKey: null,
        Indexes:
        [
            new IndexSchema("listing", S with { Name = "listPartition" }, S with { Name = "productId" }),
        ],
        TimeToLiveAttribute: null,
        Stream: null);

    /// <summary>Payments: the simulated gateway's ledger, one item per order, so a redelivered charge never captures twice.</summary>
    public static TableSchema Payments { get; } = new(
        LogicalName: "payments",
        EnvironmentVariable: "PAYMENTS_TABLE",
        PartitionKey: S with { Name = "orderId" },
        SortKey: null,
        Indexes: [],
        TimeToLiveAttribute: null,
        Stream: null);

    /// <summary>Idempotency records of <c>POST /orders</c>, expired by time to live.</summary>
    public static TableSchema Idempotency { get; } = new(
        LogicalName: "idempotency",
        EnvironmentVariable: "IDEMPOTENCY_TABLE",
        PartitionKey: S with { Name = "idempotencyKey" },
        SortKey: null,
        Indexes: [],
        TimeToLiveAttribute: "expiresAt",
        Stream: null);

    /// <summary>Private bucket of invoice PDFs, read through short-lived presigned links.</summary>
    public static BucketSchema Invoices { get; } = new("invoices", "INVOICES_BUCKET", "invoices/");

    /// <summary>Every table, in a stable order.</summary>
    public static IReadOnlyList<TableSchema> Tables { get; } = [Orders, Products, Payments, Idempotency];

    /// <summary>Every bucket.</summary>
    public static IReadOnlyList<BucketSchema> Buckets { get; } = [Invoices];
}
