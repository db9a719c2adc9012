namespace OrderProcessing.Infra.Plan.Iam;

/// <summary>The trust policies of the stack's roles: which service may assume each.</summary>
public static class TrustPolicies
{
    /// <summary>A function's execution role, assumed by Lambda.</summary>
    public static PolicyDocument Lambda() => new()
    {
        Statement =
        [
            new PolicyStatement
            {
                Effect = "Allow",
                Principal = new Dictionary<string, string> { ["Service"] = "lambda.amazonaws.com" },
                Action = ["sts:AssumeRole"],
            },
        ],
    };

    /// <summary>A pipe's role, assumed by EventBridge Pipes on behalf of this account only (guards against the confused deputy).</summary>
    public static PolicyDocument Pipes(string accountId) => new()
    {
        Statement =
        [
            new PolicyStatement
            {
                Effect = "Allow",
                Principal = new Dictionary<string, string> { ["Service"] = "pipes.amazonaws.com" },
                Action = ["sts:AssumeRole"],
                Condition = new Dictionary<string, IReadOnlyDictionary<string, string>>
                {
                    ["StringEquals"] = new Dictionary<string, string> { ["aws:SourceAccount"] = accountId },
                },
            },
        ],
    };
}
