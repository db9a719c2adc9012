using OrderProcessing.Infra.Plan.Iam;
using OrderProcessing.Infra.Plan.Shop;
using Pulumi;
using Aws = Pulumi.Aws;

namespace OrderProcessing.Infra.Components;

/// <summary>
/// The shop page: its files in a private bucket (no website hosting, public access blocked) that only this component's
/// CloudFront distribution reads, through origin access control; viewers reach it over HTTPS only, with security headers.
/// The stack adds <see cref="ShopPlan.ConfigKey"/> once the API and sign-in it names exist (<see cref="BucketName"/>).
/// </summary>
public sealed class ShopPage : ComponentResource
{
    private const string OriginId = "shop-bucket";

    /// <summary>Creates the bucket, its files, the distribution and the bucket policy.</summary>
    public ShopPage(string name, ShopPageArgs args, ComponentResourceOptions? options = null)
        : base(ComponentTypes.ShopPage, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.Shop;
        var parent = new CustomResourceOptions { Parent = this };

        // The same private bucket as the invoices' (ACLs off, public access blocked, encrypted); only its policy differs.
        var bucket = new PrivateBucket($"{name}-files", new PrivateBucketArgs
        {
            NamePrefix = plan.BucketNamePrefix,
            ForceDestroy = plan.ForceDestroy,
        }, new ComponentResourceOptions { Parent = this });

        // CloudFront signs every request to the bucket (SigV4); the bucket policy names this distribution alone.
        var accessControl = new Aws.CloudFront.OriginAccessControl($"{name}-origin-access", new Aws.CloudFront.OriginAccessControlArgs
        {
            Name = plan.Name,
            Description = "The shop page's distribution reads its bucket",
            OriginAccessControlOriginType = ShopPlan.OriginAccessControlType,
            SigningBehavior = ShopPlan.SigningBehavior,
            SigningProtocol = ShopPlan.SigningProtocol,
        }, parent);

        var headers = new Aws.CloudFront.ResponseHeadersPolicy($"{name}-security-headers", new Aws.CloudFront.ResponseHeadersPolicyArgs
        {
            Name = plan.Name,
            Comment = "Security headers of the shop page",
            SecurityHeadersConfig = new Aws.CloudFront.Inputs.ResponseHeadersPolicySecurityHeadersConfigArgs
            {
                StrictTransportSecurity = new Aws.CloudFront.Inputs.ResponseHeadersPolicySecurityHeadersConfigStrictTransportSecurityArgs
                {
                    AccessControlMaxAgeSec = ShopPlan.HstsMaxAgeSeconds,
                    IncludeSubdomains = true,
                    Override = true,
                },
                ContentTypeOptions = new Aws.CloudFront.Inputs.ResponseHeadersPolicySecurityHeadersConfigContentTypeOptionsArgs { Override = true },
                FrameOptions = new Aws.CloudFront.Inputs.ResponseHeadersPolicySecurityHeadersConfigFrameOptionsArgs
                {
                    FrameOption = ShopPlan.FrameOption,
                    Override = true,
                },
                ReferrerPolicy = new Aws.CloudFront.Inputs.ResponseHeadersPolicySecurityHeadersConfigReferrerPolicyArgs
                {
                    ReferrerPolicy = ShopPlan.ReferrerPolicy,
                    Override = true,
                },
                ContentSecurityPolicy = new Aws.CloudFront.Inputs.ResponseHeadersPolicySecurityHeadersConfigContentSecurityPolicyArgs
                {
                    ContentSecurityPolicy = plan.ContentSecurityPolicy,
                    Override = true,
                },
            },
        }, parent);

        var methods = ShopPlan.AllowedMethods.Select(m => (Input<string>)m).ToList();
        var distribution = new Aws.CloudFront.Distribution($"{name}-distribution", new Aws.CloudFront.DistributionArgs
        {
            Enabled = true,
            Comment = $"{plan.Name} page",
            DefaultRootObject = ShopPlan.DefaultRootObject,
            PriceClass = ShopPlan.PriceClass,
            HttpVersion = "http2and3",
            Origins =
            {
                new Aws.CloudFront.Inputs.DistributionOriginArgs
                {
                    OriginId = OriginId,
                    DomainName = bucket.RegionalDomainName,
                    OriginAccessControlId = accessControl.Id,
                },
            },
            DefaultCacheBehavior = new Aws.CloudFront.Inputs.DistributionDefaultCacheBehaviorArgs
            {
                TargetOriginId = OriginId,
                ViewerProtocolPolicy = ShopPlan.ViewerProtocolPolicy,
                AllowedMethods = methods,
                CachedMethods = methods,
                CachePolicyId = ShopPlan.CachingOptimizedPolicyId,
                ResponseHeadersPolicyId = headers.Id,
                Compress = true,
            },
            Restrictions = new Aws.CloudFront.Inputs.DistributionRestrictionsArgs
            {
                GeoRestriction = new Aws.CloudFront.Inputs.DistributionRestrictionsGeoRestrictionArgs { RestrictionType = "none" },
            },
            // CloudFront's own certificate for its *.cloudfront.net name; a custom domain would bring an ACM certificate.
            ViewerCertificate = new Aws.CloudFront.Inputs.DistributionViewerCertificateArgs { CloudfrontDefaultCertificate = true },
        }, parent);

        // Only this distribution may read, and only over TLS: one document, since S3 keeps one policy per bucket.
        _ = bucket.SetPolicy("policy", Output.Tuple(bucket.Arn, distribution.Arn).Apply(arns => BucketPolicies.ShopPage(arns.Item1, arns.Item2).ToJson()));

        // The page's files as the repository holds them; a changed file is uploaded again on the next deployment.
        foreach (var file in ShopPlan.Files(args.RepositoryRoot))
        {
            _ = new Aws.S3.BucketObjectv2($"{name}-{file.Key}", new Aws.S3.BucketObjectv2Args
            {
                Bucket = bucket.BucketName,
                Key = file.Key,
                Source = new FileAsset(file.SourcePath),
                ContentType = file.ContentType,
                CacheControl = ShopPlan.CacheControl,
            }, parent);
        }

        BucketName = bucket.BucketName;
        Url = distribution.DomainName.Apply(ShopPlan.Url);
        Origin = distribution.DomainName.Apply(ShopPlan.Origin);
        RegisterOutputs(new Dictionary<string, object?> { ["bucketName"] = BucketName, ["url"] = Url });
    }

    /// <summary>The bucket holding the page.</summary>
    public Output<string> BucketName { get; }

    /// <summary>The page's URL (<c>https://d111111abcdef8.cloudfront.net/</c>).</summary>
    public Output<string> Url { get; }

    /// <summary>The page's browser origin, for CORS.</summary>
    public Output<string> Origin { get; }
}
