using OrderProcessing.Infra.Plan.Storage;

namespace OrderProcessing.Infra.Components;

/// <summary>Arguments of <see cref="PrivateBucket"/>.</summary>
public sealed class PrivateBucketArgs
{
    /// <summary>The prefix S3 completes into a globally unique name.</summary>
    public required string NamePrefix { get; init; }

    /// <summary>Whether <c>pulumi destroy</c> may delete the bucket with its objects (stacks without deletion protection).</summary>
    public required bool ForceDestroy { get; init; }

    /// <summary>
    /// The lifecycle of objects under a storage schema bucket's key prefix (the invoices); <see langword="null"/> keeps
    /// objects until a deployment replaces them (the shop page's files).
    /// </summary>
    public BucketPlan? Retention { get; init; }

    /// <summary>The arguments of a bucket of the storage schema: its name, deletion and retention from the plan.</summary>
    public static PrivateBucketArgs For(BucketPlan bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        return new PrivateBucketArgs { NamePrefix = bucket.NamePrefix, ForceDestroy = bucket.ForceDestroy, Retention = bucket };
    }
}
