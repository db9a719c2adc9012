using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Infra.Plan.Storage;

/// <summary>How one bucket of the storage schema is deployed: private, encrypted, TLS only, with a lifecycle.</summary>
/// <param name="Schema">The bucket as the S3 adapter declares it.</param>
/// <param name="NamePrefix">The prefix S3 completes into a globally unique name.</param>
/// <param name="ForceDestroy">Whether <c>pulumi destroy</c> may delete the bucket with its objects (stacks without deletion protection).</param>
/// <param name="TransitionDays">Days before objects under the key prefix move to Standard-IA.</param>
/// <param name="ExpirationDays">Days before objects under the key prefix are deleted.</param>
public sealed record BucketPlan(BucketSchema Schema, string NamePrefix, bool ForceDestroy, int TransitionDays, int ExpirationDays)
{
    /// <summary>The storage class objects move to.</summary>
    public const string TransitionStorageClass = "STANDARD_IA";

    /// <summary>Default encryption: S3-managed keys, which need no key policy and no KMS permissions for the functions.</summary>
    public const string SseAlgorithm = "AES256";

    /// <summary>Days after which an abandoned multipart upload is removed.</summary>
    public const int AbortIncompleteUploadDays = 7;

    /// <summary>Object ownership: ACLs off, the bucket owner owns every object.</summary>
    public const string ObjectOwnership = "BucketOwnerEnforced";
}
