using OrderProcessing.Functions.Storage;

namespace OrderProcessing.Infra.Plan.Storage;

/// <summary>How one table of the storage schema is deployed: on demand, with point-in-time recovery and KMS encryption.</summary>
/// <param name="Schema">The table as the DynamoDB adapter declares it.</param>
/// <param name="Name">Physical table name.</param>
/// <param name="DeletionProtection">Whether DynamoDB refuses to delete it.</param>
public sealed record TablePlan(TableSchema Schema, string Name, bool DeletionProtection)
{
    /// <summary>On-demand capacity: no capacity planning, no throttling from under-provisioning.</summary>
    public const string BillingMode = "PAY_PER_REQUEST";

    /// <summary>Every index projects the whole item: the list routes return full orders without a second read.</summary>
    public const string IndexProjection = "ALL";

    /// <summary>The stream view type DynamoDB expects for <see cref="TableSchema.Stream"/>, or null without a stream.</summary>
    public string? StreamViewType => Schema.Stream switch
    {
        null => null,
        StreamView.NewAndOldImages => "NEW_AND_OLD_IMAGES",
        _ => throw new InvalidOperationException($"Table '{Schema.LogicalName}' declares stream view {Schema.Stream}, which the plan cannot map."),
    };
}
