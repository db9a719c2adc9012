using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Infra.Plan.Storage;

/// <summary>How one table of the storage schema is deployed: on demand, with point-in-time recovery and KMS encryption.</summary>
/// <param name="Schema">The table as the DynamoDB adapter declares it.</param>
/// <param name="Name">Physical table name.</param>
/// <param name="DeletionProtection">Whether DynamoDB refuses to delete it.</param>
public sealed record TablePlan(TableSchema Schema, string Name, bool DeletionProtection)
{
    /// <summary>On-demand capacity: no capacity planning, no throttling from under-provisioning.</summary>
    public const string BillingMode = "PAY_PER_REQUEST";

    /// <summary>The projection type DynamoDB expects for an index, as the adapters declare it in the schema.</summary>
    public static string ProjectionType(IndexSchema index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return index.Projection switch
        {
            IndexProjection.All => "ALL",
            IndexProjection.KeysOnly => "KEYS_ONLY",
            _ => throw new InvalidOperationException($"Index '{index.Name}' declares projection {index.Projection}, which the plan cannot map."),
        };
    }

    /// <summary>The stream view type DynamoDB expects for <see cref="TableSchema.Stream"/>, or null without a stream.</summary>
    public string? StreamViewType => Schema.Stream switch
    {
        null => null,
        StreamView.NewAndOldImages => "NEW_AND_OLD_IMAGES",
        _ => throw new InvalidOperationException($"Table '{Schema.LogicalName}' declares stream view {Schema.Stream}, which the plan cannot map."),
    };
}
