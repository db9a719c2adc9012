namespace OrderProcessing.Infra.Plan.Iam;

/// <summary>The resource policy of a private bucket.</summary>
public static class BucketPolicies
{
    /// <summary>
    /// Denies every request that does not use TLS. This Deny of <c>s3:*</c> is the one deliberate wildcard action in the
    /// stack: it only takes permissions away, and listing actions would leave new S3 actions reachable over plain HTTP.
    /// </summary>
    public static PolicyDocument DenyInsecureTransport(string bucketArn) => new()
    {
        Statement =
        [
            new PolicyStatement
            {
                Effect = "Deny",
                Principal = new Dictionary<string, string> { ["AWS"] = "*" },
                Action = ["s3:*"],
                Resource = [bucketArn, $"{bucketArn}/*"],
                Condition = new Dictionary<string, IReadOnlyDictionary<string, string>>
                {
                    ["Bool"] = new Dictionary<string, string> { ["aws:SecureTransport"] = "false" },
                },
            },
        ],
    };

    /// <summary>
    /// The shop page's bucket: CloudFront may read objects only on behalf of the one distribution
    /// <paramref name="distributionArn"/> (origin access control; <c>AWS:SourceArn</c> stops any other distribution, even in
    /// another account, from reading through CloudFront's service principal), and nothing is reachable without TLS.
    /// </summary>
    public static PolicyDocument ShopPage(string bucketArn, string distributionArn) => new()
    {
        Statement =
        [
            new PolicyStatement
            {
                Effect = "Allow",
                Principal = new Dictionary<string, string> { ["Service"] = "cloudfront.amazonaws.com" },
                Action = ["s3:GetObject"],
                Resource = [$"{bucketArn}/*"],
                Condition = new Dictionary<string, IReadOnlyDictionary<string, string>>
                {
                    ["StringEquals"] = new Dictionary<string, string> { ["AWS:SourceArn"] = distributionArn },
                },
            },
            .. DenyInsecureTransport(bucketArn).Statement,
        ],
    };
}
