using OrderProcessing.Infra.Plan.Storage;
using Pulumi;
using Aws = Pulumi.Aws;

namespace OrderProcessing.Infra.Components;

/// <summary>
/// A private bucket: ACLs off, public access blocked, encrypted at rest, an optional lifecycle, and its one bucket policy
/// (<see cref="SetPolicy"/>). The invoices and the shop page's files both live in one; only their policies differ.
/// </summary>
public sealed class PrivateBucket : ComponentResource
{
    private readonly string _name;
    private readonly Aws.S3.Bucket _bucket;
    private readonly Aws.S3.BucketPublicAccessBlock _publicAccessBlock;
    private Aws.S3.BucketPolicy? _policy;
    private string? _policySuffix;

    /// <summary>Creates the bucket and its configuration; the caller then sets its policy.</summary>
    public PrivateBucket(string name, PrivateBucketArgs args, ComponentResourceOptions? options = null)
        : base(ComponentTypes.PrivateBucket, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        _name = name;
        var parent = new CustomResourceOptions { Parent = this };

        // The bucket itself; S3 completes the prefix into a globally unique name.
        var bucket = new Aws.S3.Bucket($"{name}-bucket", new Aws.S3.BucketArgs
        {
            BucketPrefix = args.NamePrefix,
            ForceDestroy = args.ForceDestroy,
        }, parent);

        // ACLs off: the bucket owner owns every object, access is decided by IAM and the bucket policy alone.
        _ = new Aws.S3.BucketOwnershipControls($"{name}-ownership", new Aws.S3.BucketOwnershipControlsArgs
        {
            Bucket = bucket.Id,
            Rule = new Aws.S3.Inputs.BucketOwnershipControlsRuleArgs { ObjectOwnership = BucketPlan.ObjectOwnership },
        }, parent);

        // No public ACL or policy can ever expose the objects, whatever is written later. CloudFront's service principal
        // is not "public" to S3, so the shop page's distribution still reads through its origin access control.
        _publicAccessBlock = new Aws.S3.BucketPublicAccessBlock($"{name}-public-access-block", new Aws.S3.BucketPublicAccessBlockArgs
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

        // Retained objects (old invoices) move to infrequent access, then expire; abandoned uploads are cleaned up.
        if (args.Retention is { } plan)
        {
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
        }

        _bucket = bucket;
        BucketName = bucket.Id;
        Arn = bucket.Arn;
        RegionalDomainName = bucket.BucketRegionalDomainName;
        RegisterOutputs(new Dictionary<string, object?> { ["bucketName"] = BucketName, ["arn"] = Arn });
    }

    /// <summary>The bucket's generated name.</summary>
    public Output<string> BucketName { get; }

    /// <summary>The bucket's ARN.</summary>
    public Output<string> Arn { get; }

    /// <summary>The bucket's regional endpoint (<c>name.s3.region.amazonaws.com</c>), a CloudFront origin's domain.</summary>
    public Output<string> RegionalDomainName { get; }

    /// <summary>
    /// Sets the bucket's policy, resource <c>{name}-{suffix}</c> of this component. S3 keeps one policy per bucket, so a
    /// second call would have two resources overwrite each other on every deployment: it throws instead, and a caller
    /// whose readers differ (the shop page's distribution) puts every statement in one document.
    /// </summary>
    /// <param name="suffix">The policy resource's name after the bucket's (<c>tls-only</c> keeps the invoices' deployed name).</param>
    /// <param name="document">The policy JSON, built from <see cref="Arn"/> and whatever else it names.</param>
    public Aws.S3.BucketPolicy SetPolicy(string suffix, Output<string> document)
    {
        ArgumentException.ThrowIfNullOrEmpty(suffix);
        ArgumentNullException.ThrowIfNull(document);
        if (_policy is not null)
        {
            throw new InvalidOperationException($"Bucket {_name} already has its policy {_name}-{_policySuffix}; S3 keeps one per bucket.");
        }

        _policySuffix = suffix;

        // Written after the public access block, so S3 judges the policy against it.
        _policy = new Aws.S3.BucketPolicy($"{_name}-{suffix}", new Aws.S3.BucketPolicyArgs
        {
            Bucket = _bucket.Id,
            Policy = document,
        }, new CustomResourceOptions { Parent = this, DependsOn = { _publicAccessBlock } });
        return _policy;
    }
}
