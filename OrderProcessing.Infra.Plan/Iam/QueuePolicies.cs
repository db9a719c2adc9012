namespace OrderProcessing.Infra.Plan.Iam;

/// <summary>The resource policy of a stage queue.</summary>
public static class QueuePolicies
{
    /// <summary>
    /// Lets SNS deliver into <paramref name="queueArn"/> for the subscription to <paramref name="topicArn"/> only: the
    /// <c>aws:SourceArn</c> condition keeps any other topic (of any account) from sending to the queue.
    /// </summary>
    public static PolicyDocument AllowTopic(string queueArn, string topicArn) => new()
    {
        Statement =
        [
            new PolicyStatement
            {
                Effect = "Allow",
                Principal = new Dictionary<string, string> { ["Service"] = "sns.amazonaws.com" },
                Action = ["sqs:SendMessage"],
                Resource = [queueArn],
                Condition = new Dictionary<string, IReadOnlyDictionary<string, string>>
                {
                    ["ArnEquals"] = new Dictionary<string, string> { ["aws:SourceArn"] = topicArn },
                },
            },
        ],
    };
}
