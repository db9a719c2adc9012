using OrderProcessing.Infra.Plan.Storage;

namespace OrderProcessing.Infra.Components;

/// <summary>Arguments of <see cref="PrivateBucket"/>.</summary>
public sealed class PrivateBucketArgs
{
    /// <summary>The bucket to create.</summary>
    public required BucketPlan Bucket { get; init; }
}
