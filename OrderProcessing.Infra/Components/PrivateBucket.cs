using OrderProcessing.Infra.Plan.Iam;
using OrderProcessing.Infra.Plan.Storage;
using Pulumi;
using Aws = Pulumi.Aws;

namespace OrderProcessing.Infra.Components;

/// <summary>A bucket of the storage schema: private, encrypted, reachable only over TLS, with a lifecycle under its key prefix.</summary>
public sealed class PrivateBucket : ComponentResource
{
    /// <summary>Creates the bucket and its configuration.</summary>
    public PrivateBucket(string name, PrivateBucketArgs args, ComponentResourceOptions? options = null)
        : base(ComponentTypes.PrivateBucket, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.Bucket;
        var parent = new CustomResourceOptions { Parent = this };

        // The bucket itself; S3 completes the prefix into a globally unique name.
        var bucket = new Aws.S3.Bucket($"{name}-bucket", new Aws.S3.BucketArgs
        {
            BucketPrefix = plan.NamePrefix,
            ForceDestroy = plan.ForceDestroy,
        }, parent);

        // ACLs off: the bucket owner owns every object, access is decided by IAM and the bucket policy alone.
        _ = new Aws.S3.BucketOwnershipControls($"{name}-ownership", new Aws.S3.BucketOwnershipControlsArgs
        {
            Bucket = bucket.Id,
            Rule = new Aws.S3.Inputs.BucketOwnershipControlsRuleArgs { ObjectOwnership = BucketPlan.ObjectOwnership },
        }, parent);

        // No public ACL or policy can ever expose invoices, whatever is written later.
        var publicAccessBlock = new Aws.S3.BucketPublicAccessBlock($"{name}-public-access-block", new Aws.S3.BucketPublicAccessBlockArgs
        {
            Bucket = bucket.Id,
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        }, parent);

        // Every object encrypted at rest by default.
        _ = new Aws.S3.BucketServerSideEncryptionConfiguration($"{name}-encryption", new Aws.S3.BucketServerSideEncryptionConfigurationArgs
        {
            Bucket = bucket.Id,
            Rules =
            {
                new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleArgs
                {
                    ApplyServerSideEncryptionByDefault = new Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                    {
                        SseAlgorithm = BucketPlan.SseAlgorithm,
                    },
                },
            },
        }, parent);

        // Refuse plain HTTP: presigned links and the functions all use TLS.
        _ = new Aws.S3.BucketPolicy($"{name}-tls-only", new Aws.S3.BucketPolicyArgs
        {
            Bucket = bucket.Id,
            Policy = bucket.Arn.Apply(arn => BucketPolicies.DenyInsecureTransport(arn).ToJson()),
        }, new CustomResourceOptions { Parent = this, DependsOn = { publicAccessBlock } });

        // Old invoices move to infrequent access, then expire; abandoned uploads are cleaned up.
        _ = new Aws.S3.BucketLifecycleConfiguration($"{name}-lifecycle", new Aws.S3.BucketLifecycleConfigurationArgs
        {
            Bucket = bucket.Id,
            Rules =
            {
                new Aws.S3.Inputs.BucketLifecycleConfigurationRuleArgs
                {
                    Id = $"{plan.Schema.LogicalName}-retention",
                    Status = "Enabled",
                    Filter = new Aws.S3.Inputs.BucketLifecycleConfigurationRuleFilterArgs { Prefix = plan.Schema.KeyPrefix },
                    Transitions =
                    {
                        new Aws.S3.Inputs.BucketLifecycleConfigurationRuleTransitionArgs
                        {
                            Days = plan.TransitionDays,
                            StorageClass = BucketPlan.TransitionStorageClass,
                        },
                    },
                    Expiration = new Aws.S3.Inputs.BucketLifecycleConfigurationRuleExpirationArgs { Days = plan.ExpirationDays },
                    AbortIncompleteMultipartUpload = new Aws.S3.Inputs.BucketLifecycleConfigurationRuleAbortIncompleteMultipartUploadArgs
                    {
                        DaysAfterInitiation = BucketPlan.AbortIncompleteUploadDays,
                    },
                },
            },
        }, parent);

        BucketName = bucket.Id;
        Arn = bucket.Arn;
        RegisterOutputs(new Dictionary<string, object?> { ["bucketName"] = BucketName, ["arn"] = Arn });
    }

    /// <summary>The bucket's generated name.</summary>
    public Output<string> BucketName { get; }

    /// <summary>The bucket's ARN.</summary>
    public Output<string> Arn { get; }
}
